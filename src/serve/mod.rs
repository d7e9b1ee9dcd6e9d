//! `vncite serve`: a local web app over the library: paste a text and see it annotated, a page per
//! document (facts, status, lineage, mentions), its neighbourhood as an interactive graph drawn with the
//! vendored cytoscape.js, a search box, and a JSON API whose answers are the CLI's JSON. One process, its
//! assets compiled in, nothing fetched from elsewhere.

mod pages;

use crate::annotate::{self, Options};
use crate::graph::{CitationGraph, Direction};
use crate::query::{self, Filter};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use std::net::SocketAddr;
use std::sync::Arc;

/// What the server answers from: the graph, when one was given.
#[derive(Debug, Default)]
pub struct App {
    /// The store's graph.
    pub graph: Option<CitationGraph>,
    /// Where the store was read from, for the pages' footer.
    pub store: Option<String>,
}

type Shared = Arc<App>;

/// The routes of the app (pages, assets and `/api/`), for [`serve`] or a test's own listener.
pub fn router(app: App) -> Router {
    Router::new()
        .route("/", get(index).post(annotated))
        .route(
            "/upload",
            axum::routing::post(uploaded).layer(axum::extract::DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/doc", get(document))
        .route("/graph", get(graph_page))
        .route("/search", get(search))
        .route("/assets/cytoscape.min.js", get(cytoscape))
        .route("/assets/vncite.js", get(script))
        .route("/api/extract", axum::routing::post(api_extract))
        .route("/api/annotate", axum::routing::post(api_annotate))
        .route("/api/query/{kind}", get(api_query))
        .route("/api/neighbourhood", get(api_neighbourhood))
        // Pasted texts and API bodies: a clear 413 past this, before anything is read into memory.
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(Arc::new(app))
}

/// The largest pasted text or API body: ten times a long decree.
pub const BODY_LIMIT: usize = 16 << 20;

/// What the browser may run and load: the app's own scripts only (no inline script, so a title that
/// smuggles `<script>` past the escaping still cannot run), its own styles, no frames, no plugins.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        header::HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("no-referrer"),
    );
    response
}

/// Serves `app` on `addr` until the process is stopped; `ready` is told the address bound (port 0 picks
/// a free one).
pub fn serve(app: App, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(app)).await
    })
}

const CYTOSCAPE: &str = include_str!("../../assets/vendor/cytoscape-3.35.0.min.js");
const SCRIPT: &str = include_str!("../../assets/vncite.js");

async fn cytoscape() -> Response {
    javascript(CYTOSCAPE)
}

async fn script() -> Response {
    javascript(SCRIPT)
}

fn javascript(body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=86400"),
        ],
        body,
    )
        .into_response()
}

async fn index(State(app): State<Shared>) -> Html<String> {
    Html(pages::index(&app, None))
}

#[derive(Deserialize)]
struct Pasted {
    text: String,
}

async fn annotated(State(app): State<Shared>, Form(p): Form<Pasted>) -> Html<String> {
    Html(pages::index(&app, Some(&p.text)))
}

/// The largest upload read: a legal document's .docx or PDF is a few megabytes.
const UPLOAD_LIMIT: usize = 64 << 20;

/// `POST /upload` (multipart, field `file`): a file in any form vncite reads (.docx, .odt, PDF, a web page,
/// a legacy encoding), annotated as a pasted text is.
async fn uploaded(State(app): State<Shared>, mut form: axum::extract::Multipart) -> Response {
    let mut file = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or("upload").to_string();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes.to_vec())),
                    Err(e) => return message_page(&app, StatusCode::BAD_REQUEST, &e.to_string()),
                }
            }
            Ok(Some(_)) => continue,
            Ok(None) => break,
            Err(e) => return message_page(&app, StatusCode::BAD_REQUEST, &e.to_string()),
        }
    }
    let Some((name, bytes)) = file else {
        return message_page(
            &app,
            StatusCode::BAD_REQUEST,
            "no file was sent (the form field is \"file\")",
        );
    };
    // Reading a PDF runs pdftotext; the blocking pool keeps the server answering meanwhile.
    let read = tokio::task::spawn_blocking(move || {
        crate::input::Text::from_bytes(bytes, &name, crate::input::ReadOptions::new())
    })
    .await;
    match read {
        Ok(Ok(text)) => Html(pages::index(&app, Some(&text))).into_response(),
        Ok(Err(e)) => message_page(&app, StatusCode::UNPROCESSABLE_ENTITY, &e.to_string()),
        Err(e) => message_page(&app, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

#[derive(Deserialize)]
struct Doc {
    #[serde(alias = "id")]
    doc: String,
}

async fn document(State(app): State<Shared>, Query(q): Query<Doc>) -> Response {
    match resolve(&app, &q.doc) {
        Ok((g, id)) => Html(pages::document(&app, g, &id)).into_response(),
        Err(why) => not_found(&app, &why),
    }
}

async fn graph_page(State(app): State<Shared>, Query(q): Query<Doc>) -> Response {
    match resolve(&app, &q.doc) {
        Ok((_, id)) => Html(pages::graph(&app, &id)).into_response(),
        Err(why) => not_found(&app, &why),
    }
}

#[derive(Deserialize)]
struct Search {
    q: String,
}

async fn search(State(app): State<Shared>, Query(s): Query<Search>) -> Response {
    match resolve(&app, &s.q) {
        Ok((_, id)) => Redirect::to(&format!("/doc?id={}", pages::url_value(&id))).into_response(),
        Err(why) => not_found(&app, &why),
    }
}

/// The store's node for a reference as written, or why there is none.
fn resolve<'a>(app: &'a App, doc: &str) -> Result<(&'a CitationGraph, String), String> {
    let Some(g) = app.graph.as_ref() else {
        return Err("no graph store was given to `vncite serve --graph`".to_string());
    };
    query::resolve_doc(g, doc)
        .map(|id| (g, id))
        .map_err(|e| e.to_string())
}

fn not_found(app: &App, message: &str) -> Response {
    message_page(app, StatusCode::NOT_FOUND, message)
}

/// A page that says why there is nothing to show, with its status.
fn message_page(app: &App, status: StatusCode, message: &str) -> Response {
    (status, Html(pages::message(app, message))).into_response()
}

fn api_error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(serde_json::json!({ "error": message }))).into_response()
}

/// `POST /api/extract`: the contract's object for the body as one input named "-".
async fn api_extract(body: String) -> Response {
    let found = crate::extract(&body);
    let mut line = Vec::new();
    let mut buf = Vec::new();
    if let Err(e) = crate::print::write_json_line(&mut line, &mut buf, "-", &found) {
        return api_error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string());
    }
    while line.last() == Some(&b'\n') {
        line.pop();
    }
    ([(header::CONTENT_TYPE, "application/json")], line).into_response()
}

#[derive(Deserialize)]
struct AnnotateQuery {
    format: Option<String>,
    link: Option<String>,
}

/// `POST /api/annotate?format=html|markdown|json[&link=TEMPLATE]`: what `vncite annotate --fragment` writes.
async fn api_annotate(
    State(app): State<Shared>,
    Query(q): Query<AnnotateQuery>,
    body: String,
) -> Response {
    let (format, mime) = match q.format.as_deref().unwrap_or("html") {
        "html" => (annotate::Format::Html, "text/html; charset=utf-8"),
        "markdown" => (annotate::Format::Markdown, "text/markdown; charset=utf-8"),
        "json" => (annotate::Format::Json, "application/json"),
        other => {
            return api_error(
                StatusCode::BAD_REQUEST,
                &format!("unknown format {other:?}: html, markdown or json"),
            )
        }
    };
    let found = crate::extract(&body);
    let mut options = Options::new(format);
    if let Some(t) = q.link.as_deref() {
        options = options.link(t);
    }
    if let Some(g) = app.graph.as_ref() {
        options = options.graph(g);
    }
    let out = annotate::annotate(&body, &found, &options);
    ([(header::CONTENT_TYPE, mime)], out).into_response()
}

#[derive(Deserialize)]
struct QueryParams {
    doc: String,
    depth: Option<usize>,
    relation: Option<String>,
}

/// `GET /api/query/{ancestors|descendants|status}?doc=REFERENCE`: what `vncite query … --format json`
/// prints for the store.
async fn api_query(
    State(app): State<Shared>,
    Path(kind): Path<String>,
    Query(q): Query<QueryParams>,
) -> Response {
    let Some(g) = app.graph.as_ref() else {
        return api_error(StatusCode::NOT_FOUND, "no graph store was given");
    };
    let id = match query::resolve_doc(g, &q.doc) {
        Ok(id) => id,
        Err(e) => return api_error(StatusCode::NOT_FOUND, &e.to_string()),
    };
    let mut filter = Filter::default();
    for r in q.relation.iter().flat_map(|r| r.split(',')) {
        match r.parse() {
            Ok(rel) => {
                filter.relations.insert(rel);
            }
            Err(e) => return api_error(StatusCode::BAD_REQUEST, &format!("{e}")),
        }
    }
    let value = match kind.as_str() {
        "ancestors" => serde_json::to_value(query::lineage(
            g,
            &id,
            Direction::Outgoing,
            q.depth,
            &filter,
        )),
        "descendants" => serde_json::to_value(query::lineage(
            g,
            &id,
            Direction::Incoming,
            q.depth,
            &filter,
        )),
        "status" => match query::status(g, &id) {
            Ok(s) => serde_json::to_value(s),
            Err(e) => return api_error(StatusCode::UNPROCESSABLE_ENTITY, &e.to_string()),
        },
        other => {
            return api_error(
                StatusCode::NOT_FOUND,
                &format!("no query {other:?}: ancestors, descendants or status"),
            )
        }
    };
    match value {
        Ok(v) => axum::Json(v).into_response(),
        Err(e) => api_error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// `GET /api/neighbourhood?doc=REFERENCE[&depth=N]`: the documents within `depth` steps either way, as
/// cytoscape.js elements with the SVG export's colours.
async fn api_neighbourhood(State(app): State<Shared>, Query(q): Query<QueryParams>) -> Response {
    let Some(g) = app.graph.as_ref() else {
        return api_error(StatusCode::NOT_FOUND, "no graph store was given");
    };
    let id = match query::resolve_doc(g, &q.doc) {
        Ok(id) => id,
        Err(e) => return api_error(StatusCode::NOT_FOUND, &e.to_string()),
    };
    axum::Json(pages::neighbourhood(g, &id, q.depth.unwrap_or(1).min(4))).into_response()
}
