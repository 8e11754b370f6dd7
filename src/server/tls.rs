//! https served by Hakam itself, from the PEM files `HAKAM_TLS_CERT` and `HAKAM_TLS_KEY`
//! name: rustls with the ring provider, HTTP/2 and HTTP/1.1 offered by ALPN (HTTP/2 lets a
//! browser keep many live pages of one site open over one connection).
//!
//! The files are read once, before the database is touched, and every problem stops the
//! start naming the variable whose file it is. A renewed certificate is picked up at the next
//! start.

use crate::config::TlsFiles;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("{name}={path}: {reason}")]
    File { name: &'static str, path: String, reason: String },
    #[error("HAKAM_TLS_CERT and HAKAM_TLS_KEY do not make a usable pair: {0}")]
    Pair(rustls::Error),
}

fn file_error(name: &'static str, path: &Path, reason: impl ToString) -> TlsError {
    TlsError::File { name, path: path.display().to_string(), reason: reason.to_string() }
}

/// The server's TLS set-up from the two files: the certificate chain (leaf first) and the
/// private key matching it (PKCS#8, PKCS#1 or SEC1).
pub fn load(files: &TlsFiles) -> Result<axum_server::tls_rustls::RustlsConfig, TlsError> {
    let cert_pem = std::fs::read(&files.cert).map_err(|e| file_error("HAKAM_TLS_CERT", &files.cert, e))?;
    let chain = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| file_error("HAKAM_TLS_CERT", &files.cert, format!("not a PEM certificate file ({e})")))?;
    if chain.is_empty() {
        return Err(file_error(
            "HAKAM_TLS_CERT",
            &files.cert,
            "holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
        ));
    }
    let key_pem = std::fs::read(&files.key).map_err(|e| file_error("HAKAM_TLS_KEY", &files.key, e))?;
    let key = PrivateKeyDer::from_pem_slice(&key_pem)
        .map_err(|e| file_error("HAKAM_TLS_KEY", &files.key, format!("holds no PEM private key ({e})")))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(TlsError::Pair)?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(TlsError::Pair)?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(axum_server::tls_rustls::RustlsConfig::from_config(Arc::new(config)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

    fn files(cert: &str, key: &str) -> TlsFiles {
        TlsFiles { cert: Path::new(FIXTURES).join(cert), key: Path::new(FIXTURES).join(key) }
    }

    fn error(files: &TlsFiles) -> String {
        load(files).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn the_test_certificate_and_key_load() {
        assert!(load(&files("localhost.crt", "localhost.key")).is_ok());
    }

    #[test]
    fn each_bad_file_is_named_by_its_variable() {
        let missing = error(&files("absent.crt", "localhost.key"));
        assert!(missing.starts_with("HAKAM_TLS_CERT=") && missing.contains("absent.crt"), "{missing}");
        let missing = error(&files("localhost.crt", "absent.key"));
        assert!(missing.starts_with("HAKAM_TLS_KEY="), "{missing}");
        // A key where the certificate should be, and the other way round.
        let swapped = error(&files("localhost.key", "localhost.key"));
        assert!(swapped.starts_with("HAKAM_TLS_CERT=") && swapped.contains("no PEM certificate"), "{swapped}");
        let swapped = error(&files("localhost.crt", "localhost.crt"));
        assert!(swapped.starts_with("HAKAM_TLS_KEY=") && swapped.contains("no PEM private key"), "{swapped}");
    }
}
