//! `test-idp --listen 127.0.0.1:0 --client ID:SECRET:REDIRECT_URI …`: runs the test identity
//! provider until stopped and prints `listening on http://…` once it accepts connections (the
//! browser tests read that line).

use std::io::Write;

fn usage() -> ! {
    eprintln!("usage: test-idp [--listen ADDR] --client ID:SECRET:REDIRECT_URI [--client …]");
    std::process::exit(2);
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut listen = "127.0.0.1:0".to_owned();
    let mut clients = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--listen", Some(addr)) => listen = addr,
            ("--client", Some(spec)) => {
                // The redirect URI holds colons of its own: split off id and secret only.
                let mut parts = spec.splitn(3, ':');
                match (parts.next(), parts.next(), parts.next()) {
                    (Some(id), Some(secret), Some(uri)) => clients.push(test_idp::Client {
                        id: id.into(),
                        secret: secret.into(),
                        redirect_uri: uri.into(),
                    }),
                    _ => usage(),
                }
            }
            _ => usage(),
        }
    }
    if clients.is_empty() {
        usage();
    }
    let listener = tokio::net::TcpListener::bind(&listen).await?;
    let idp = test_idp::TestIdp::start(listener, clients)?;
    println!("listening on {}", idp.url);
    std::io::stdout().flush()?;
    std::future::pending::<()>().await;
    Ok(())
}
