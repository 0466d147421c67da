//! Live views over WebSocket: an open chat window gets new messages and read receipts as they
//! happen, and a video meeting's browsers find each other (WebRTC signalling). Pages work without this (a form post and a reload); JavaScript only adds it.
//!
//! The store announces thread events (on PostgreSQL from every server instance, through
//! LISTEN/NOTIFY); [`hub::Hub`] fans each out to the connections that have that thread open.

pub mod hub;
pub mod thread_socket;
pub mod video_room;
pub mod video_socket;
