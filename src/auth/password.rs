//! argon2id hashing, off the async runtime (a hash takes tens of milliseconds of CPU).

use super::domain::Password;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("hashing task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
}

/// OWASP's argon2id recommendation: 19 MiB of memory, 2 iterations, 1 lane.
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub async fn hash(password: Password) -> Result<String, HashError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| HashError::Hash(e.to_string()))
    })
    .await?
}

/// Checks a password against a stored hash. With no hash (unknown account) it still spends
/// the same work on a dummy hash, so response time does not reveal which emails exist.
pub async fn verify(password: Password, stored: Option<String>) -> Result<bool, HashError> {
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let dummy;
        let stored = match &stored {
            Some(s) => s.as_str(),
            None => {
                dummy = hasher()
                    .hash_password(b"no such account", &SaltString::generate(&mut OsRng))
                    .map(|h| h.to_string())
                    .map_err(|e| HashError::Hash(e.to_string()))?;
                dummy.as_str()
            }
        };
        // An unusable stored hash (e.g. "!" for accounts that cannot sign in) never matches.
        let Ok(parsed) = PasswordHash::new(stored) else {
            return Ok(false);
        };
        let ok = hasher().verify_password(password.expose().as_bytes(), &parsed).is_ok();
        Ok(ok && known)
    })
    .await?
}
