//! The URL rule for `endpoint` and `src` (`config::check_url`), in headless Chromium: the
//! browser's own URL parser decides what the host is, so the table runs against it.
#![cfg(target_arch = "wasm32")]

use rapport_widget::config::{check_url, is_loopback, Page, Target};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PORTAL: &str = "https://portal.example/patients/form.html";

fn page(base: &str, allow_insecure_endpoint: bool) -> Page {
    let origin = web_sys::Url::new(base).map(|u| u.origin()).unwrap();
    Page {
        base: base.into(),
        origin,
        allow_insecure_endpoint,
    }
}

/// `Ok(resolved URL)` or `Err(code)`.
fn check(value: &str, target: Target, page: &Page) -> Result<String, &'static str> {
    check_url(value, target, page).map_err(|e| e.code())
}

#[wasm_bindgen_test]
fn the_same_rule_for_endpoint_and_src() {
    let https_portal = page(PORTAL, false);
    let http_portal = page("http://portal.example/form.html", false);
    // (value, page, resolved URL or the error code for endpoint, and for src)
    #[allow(clippy::type_complexity)]
    let cases: [(
        &str,
        &Page,
        Result<&str, &'static str>,
        Result<&str, &'static str>,
    ); 22] = [
        (
            "https://api.example/r",
            &https_portal,
            Ok("https://api.example/r"),
            Ok("https://api.example/r"),
        ),
        (
            "/api/responses",
            &https_portal,
            Ok("https://portal.example/api/responses"),
            Ok("https://portal.example/api/responses"),
        ),
        (
            "responses",
            &https_portal,
            Ok("https://portal.example/patients/responses"),
            Ok("https://portal.example/patients/responses"),
        ),
        // Plain http on the page's own origin: no worse than the page itself.
        (
            "/api/responses",
            &http_portal,
            Ok("http://portal.example/api/responses"),
            Ok("http://portal.example/api/responses"),
        ),
        (
            "http://portal.example:8080/r",
            &http_portal,
            Err("insecure-endpoint"),
            Err("insecure-src"),
        ),
        (
            "http://api.example/r",
            &https_portal,
            Err("insecure-endpoint"),
            Err("insecure-src"),
        ),
        (
            "http://203.0.113.9/r",
            &https_portal,
            Err("insecure-endpoint"),
            Err("insecure-src"),
        ),
        // Loopback, exactly.
        (
            "http://localhost:8080/r",
            &https_portal,
            Ok("http://localhost:8080/r"),
            Ok("http://localhost:8080/r"),
        ),
        (
            "http://LOCALHOST/r",
            &https_portal,
            Ok("http://localhost/r"),
            Ok("http://localhost/r"),
        ),
        (
            "http://127.0.0.1:8080/r",
            &https_portal,
            Ok("http://127.0.0.1:8080/r"),
            Ok("http://127.0.0.1:8080/r"),
        ),
        (
            "http://127.255.3.4/r",
            &https_portal,
            Ok("http://127.255.3.4/r"),
            Ok("http://127.255.3.4/r"),
        ),
        (
            "http://127.1/r",
            &https_portal,
            Ok("http://127.0.0.1/r"),
            Ok("http://127.0.0.1/r"),
        ),
        (
            "http://[::1]:9000/r",
            &https_portal,
            Ok("http://[::1]:9000/r"),
            Ok("http://[::1]:9000/r"),
        ),
        (
            "http://[0:0:0:0:0:0:0:1]/r",
            &https_portal,
            Ok("http://[::1]/r"),
            Ok("http://[::1]/r"),
        ),
        // Look-alikes of loopback are other hosts.
        (
            "http://127.0.0.1.evil.test/x",
            &https_portal,
            Err("insecure-endpoint"),
            Err("insecure-src"),
        ),
        (
            "http://localhost.evil.test/x",
            &https_portal,
            Err("insecure-endpoint"),
            Err("insecure-src"),
        ),
        (
            "http://evil-localhost/x",
            &https_portal,
            Err("insecure-endpoint"),
            Err("insecure-src"),
        ),
        (
            "http://128.0.0.1/x",
            &https_portal,
            Err("insecure-endpoint"),
            Err("insecure-src"),
        ),
        // Credentials in the URL, even over https.
        (
            "https://u:p@api.example/r",
            &https_portal,
            Err("invalid-url"),
            Err("invalid-url"),
        ),
        (
            "https://u@api.example/r",
            &https_portal,
            Err("invalid-url"),
            Err("invalid-url"),
        ),
        // Other schemes and non-URLs.
        (
            "javascript:alert(1)",
            &https_portal,
            Err("invalid-url"),
            Err("invalid-url"),
        ),
        (
            "https://",
            &https_portal,
            Err("invalid-url"),
            Err("invalid-url"),
        ),
    ];
    for (value, page, endpoint, src) in cases {
        let expect = |r: Result<&str, &'static str>| r.map(str::to_owned);
        assert_eq!(
            check(value, Target::Endpoint, page),
            expect(endpoint),
            "endpoint={value:?} on {}",
            page.base
        );
        assert_eq!(
            check(value, Target::Src, page),
            expect(src),
            "src={value:?} on {}",
            page.base
        );
    }
}

#[wasm_bindgen_test]
fn allow_insecure_endpoint_covers_the_endpoint_only() {
    let allowing = page(PORTAL, true);
    assert_eq!(
        check("http://203.0.113.9/r", Target::Endpoint, &allowing),
        Ok("http://203.0.113.9/r".into())
    );
    assert_eq!(
        check("http://203.0.113.9/q.json", Target::Src, &allowing),
        Err("insecure-src")
    );
    assert_eq!(
        check("http://u:p@203.0.113.9/r", Target::Endpoint, &allowing),
        Err("invalid-url")
    );
}

#[wasm_bindgen_test]
fn messages_say_what_where_and_how_to_fix_and_never_repeat_a_password() {
    let portal = page(PORTAL, false);
    let e = check_url(
        "https://alice:s3cret@api.example/r",
        Target::Endpoint,
        &portal,
    )
    .unwrap_err();
    assert!(
        !e.message.contains("s3cret") && !e.message.contains("alice"),
        "{}",
        e.message
    );
    assert!(e.message.starts_with("endpoint="), "{}", e.message);
    assert!(e.message.contains("setRequestHeaders"), "{}", e.message);
    let e = check_url("http://cdn.example/q.json", Target::Src, &portal).unwrap_err();
    assert!(
        e.message.starts_with("src=\"http://cdn.example/q.json\""),
        "{}",
        e.message
    );
    assert!(e.message.contains("https:"), "{}", e.message);
    let e = check_url("http://api.example/r", Target::Endpoint, &portal).unwrap_err();
    assert!(
        e.message.contains("allow-insecure-endpoint"),
        "{}",
        e.message
    );
}

#[wasm_bindgen_test]
fn loopback_hostnames_are_exact() {
    for host in [
        "localhost",
        "[::1]",
        "127.0.0.1",
        "127.0.0.0",
        "127.255.255.255",
        "127.10.20.30",
    ] {
        assert!(is_loopback(host), "{host}");
    }
    for host in [
        "127.0.0.1.evil.test",
        "localhost.evil.test",
        "localhost.",
        "127.0.0",
        "127.0.0.1.5",
        "127.0.0.256",
        "127.0.0.",
        "127..0.1",
        "127.0.0.01x",
        "0127.0.0.1",
        "128.0.0.1",
        "[::2]",
        "[::ffff:7f00:1]",
        "",
        "evil.test",
    ] {
        assert!(!is_loopback(host), "{host}");
    }
}
