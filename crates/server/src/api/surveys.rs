//! Surveys after held meetings (API.md, Surveys and reports): the citizen's waiting surveys and
//! their answers. Nobody but the citizen sees a survey; answers reach staff only as report cells.
pub mod answer;
pub mod list;
