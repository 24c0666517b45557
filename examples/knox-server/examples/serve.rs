//! Serves the Knox errors on 127.0.0.1:3000 (or the port given):
//! `curl -i http://127.0.0.1:3000/ams/v1/users/me` answers
//! `403 {"code":4032251,"message":"ACCESS_TOKEN_EXPIRED"}`.

use std::net::{Ipv4Addr, SocketAddr};

fn main() -> std::io::Result<()> {
    let port = match std::env::args().nth(1) {
        Some(port) => port.parse().map_err(|_| std::io::Error::other(format!("not a port: {port}")))?,
        None => 3000,
    };
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
        println!("serving Knox errors on http://{}", listener.local_addr()?);
        knox_server::serve(listener).await
    })
}
