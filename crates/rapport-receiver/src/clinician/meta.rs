//! What the clinician's pages know about patients and questionnaires beyond the stored rows:
//! the opaque reference of a patient in URLs, and facts of a definition that the widget's core
//! does not need (read from the definition's JSON, so the patient's download does not grow).
//!
//! Nothing here decides a cut-off: thresholds, severities and labels are the definition's.

use sha2::{Digest, Sha256};

/// The reference of a subject in the clinician's URLs (`/clinician/patients/<ref>`): the first
/// 32 hex digits of SHA-256 over `system`, a newline and `value`. Opaque, so a URL neither shows
/// the pseudonymous id nor lets anyone walk ids; whether the viewer may see it is checked on
/// every request (and a subject the viewer may not see answers 404, like one that does not
/// exist).
pub fn patient_ref(system: &str, value: &str) -> String {
    let digest = Sha256::new()
        .chain_update(system.as_bytes())
        .chain_update(b"\n")
        .chain_update(value.as_bytes())
        .finalize();
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patient_refs_are_stable_and_separate_system_from_value() {
        let a = patient_ref("https://portal.example", "p-1");
        assert_eq!(a.len(), 32);
        assert_eq!(a, patient_ref("https://portal.example", "p-1"));
        assert_ne!(a, patient_ref("https://portal.example/", "-1"));
        assert_ne!(a, patient_ref("https://portal.example", "p-2"));
    }
}
