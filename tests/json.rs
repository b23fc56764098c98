//! The widget reads JSON with the core's reader, the browser's `parseFloat` for long numbers and
//! its `JSON.parse` for the message of broken text (`rapport_widget::json`), here in a real
//! browser: same values as `serde_json` for what definitions, drafts and receipts contain,
//! refusal of absurd nesting, and a located message for broken text.
#![cfg(target_arch = "wasm32")]

use rapport_widget::json::{parse, position};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn reads_the_same_values_as_serde_json() {
    let text = r#"{"s":"é \"q\" \u2068x\u2069","i":-3,"big":9007199254740992,"f":2.5,"e":1e-7,
        "b":[true,false,null],"o":{"z":{},"a":[]},"dup":1,"dup":2}"#;
    let ours = parse(text).unwrap();
    let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(ours, theirs);
    assert_eq!(ours["i"], json!(-3));
    assert!(
        ours["i"].is_i64(),
        "whole numbers are integers, as serde_json reads them"
    );
}

#[wasm_bindgen_test]
fn refuses_broken_and_absurdly_nested_text() {
    let err = parse("{\n  \"a\": 1,\n  \"b\": }").unwrap_err();
    // Chromium says where when it can ("… (line 3 column 8)"), else quotes the text.
    let (line, _) = position(&err);
    assert!(
        line == 3 || (line == 0 && err.contains("\"b\": }")),
        "{err}"
    );
    assert_eq!(
        position(
            "Expected ',' or '}' after property value in JSON at position 9 (line 2 column 3)"
        ),
        (2, 3)
    );
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    assert!(parse(&deep).unwrap_err().contains("nested"));
}
