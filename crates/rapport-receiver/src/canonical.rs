//! Canonical JSON: object keys sorted at every level and no whitespace, so that the hash that
//! tells a replay from a reused key does not depend on serde_json's map order or on how the
//! client spaced its JSON. Stays out of HTTP and storage.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The canonical JSON text of `v` and its hex SHA-256.
pub fn canonical_json(v: &Value) -> Result<(String, String), serde_json::Error> {
    let mut out = Vec::new();
    write_canonical(v, &mut out)?;
    let digest = Sha256::digest(&out);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok((String::from_utf8_lossy(&out).into_owned(), hex))
}

fn write_canonical(v: &Value, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    // serde_json's parser refuses nesting deeper than 128, so this recursion is bounded.
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push(b'{');
            for (i, (k, val)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                serde_json::to_writer(&mut *out, k)?;
                out.push(b':');
                write_canonical(val, out)?;
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out)?;
            }
            out.push(b']');
        }
        scalar => serde_json::to_writer(&mut *out, scalar)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_keys_and_ignores_whitespace() {
        let a: Value = serde_json::from_str(r#"{"b": 1, "a": {"y": [1, 2], "x": null}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"a":{"x":null,"y":[1,2]},"b":1}"#).unwrap();
        let (ta, ha) = canonical_json(&a).unwrap();
        let (_, hb) = canonical_json(&b).unwrap();
        assert_eq!(ta, r#"{"a":{"x":null,"y":[1,2]},"b":1}"#);
        assert_eq!(ha, hb);
        assert_eq!(ha.len(), 64);
    }
}
