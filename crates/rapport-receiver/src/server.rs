//! The HTTP server loop, with the limits a public endpoint needs and axum's `serve` does not
//! set (tokio-rs/axum#2741):
//!
//! - **Slow clients.** A connection has [`HEADER_READ_TIMEOUT`] to send its request head, and a
//!   request [`REQUEST_TIMEOUT`] to be read, checked and stored; past that it is answered `408`
//!   (`request-timeout`, retried by the widget with the same key) and the connection closed.
//!   Half-open connections cost a small task each and are dropped at the header deadline, so
//!   they do not keep a patient's POST waiting.
//! - **Greedy clients.** At most [`MAX_CONNECTIONS`] open connections (more are closed at once)
//!   and [`MAX_IN_FLIGHT`] requests being handled (more are answered `503` `overloaded` with
//!   `Retry-After`); bodies are capped by the API (256 KiB, read incrementally, so a 20 MiB body
//!   is refused without being held).
//! - **Stopping.** SIGTERM or Ctrl-C stops accepting and lets requests in flight finish (up to
//!   [`SHUTDOWN_GRACE`]).
//!
//! Stays out of routes and storage: it serves whatever [`axum::Router`] it is given.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::reply::{Refusal, Reply};

/// How long a connection may take to send a request's head (request line and headers).
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one request may take, body and storage included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Open connections at most; more are closed as soon as they are accepted.
pub const MAX_CONNECTIONS: usize = 8192;
/// Requests handled at once at most; more are answered 503 `overloaded`.
pub const MAX_IN_FLIGHT: usize = 512;
/// How long requests in flight may take to finish after a stop signal.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(20);

/// The limits on requests: [`REQUEST_TIMEOUT`] and [`MAX_IN_FLIGHT`] (a router layer, so tests
/// that call the router directly meet them too).
pub fn with_request_limits(app: Router) -> Router {
    let in_flight = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    app.layer(axum::middleware::from_fn_with_state(in_flight, limit))
}

async fn limit(State(in_flight): State<Arc<Semaphore>>, req: Request, next: Next) -> Response {
    // Health checks are never crowded out: a load balancer must see a busy receiver as alive.
    if matches!(req.uri().path(), "/healthz" | "/readyz") {
        return next.run(req).await;
    }
    let Ok(_permit) = in_flight.try_acquire() else {
        return Reply::refuse(
            Refusal::Overloaded,
            "the receiver is handling too many requests; try again with the same key",
            "",
        )
        .retry_after(2)
        .into_response();
    };
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(resp) => resp,
        // What was being done is dropped: a store that had committed is found again by the
        // retry's key (200), one that had not is stored by it (201).
        Err(_) => Reply::refuse(
            Refusal::RequestTimeout,
            "the request took too long; try again with the same key",
            "",
        )
        .into_response(),
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests in flight finish.
pub async fn run(
    listener: TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    crate::log(format_args!("rapport-receiver: accept failed: {e}"));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<_>| {
            req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            app.clone().oneshot(req.map(axum::body::Body::new))
        });
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(HEADER_READ_TIMEOUT);
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {
            crate::log(format_args!(
                "rapport-receiver: requests still in flight after {} s; stopping anyway",
                SHUTDOWN_GRACE.as_secs()
            ));
        }
    }
    Ok(())
}
