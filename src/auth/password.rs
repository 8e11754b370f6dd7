//! argon2id hashing, off the async runtime (a hash takes tens of milliseconds of CPU and
//! 19 MiB of memory), behind a limiter sized to the machine.
//!
//! Every hash or verification needs a permit from [`Hasher`]; there are as many as there are
//! cores (`HAKAM_HASH_CONCURRENCY`). A request that finds none free is refused at once with
//! 503 and `Retry-After` instead of queueing: a flood of logins then costs a bounded amount of
//! memory and CPU, and the rest of the server (judges' saves, the board) keeps answering.

use super::domain::Password;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

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

fn hash_now(password: &Password) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError::Hash(e.to_string()))
}

/// Hashes with no limiter, for start-up work (the demo's organizer) that no request waits on.
pub async fn hash(password: Password) -> Result<String, HashError> {
    tokio::task::spawn_blocking(move || hash_now(&password)).await?
}

/// The right to run one hash or verification now; dropping it frees the slot.
pub struct Permit {
    _slot: OwnedSemaphorePermit,
}

/// The hashing limiter and the fixed dummy hash unknown accounts are checked against.
#[derive(Clone, Debug)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// A hash of a random password, computed once at start: an unknown email (or an account
    /// that cannot sign in) costs exactly one verification, like a known one.
    dummy: Arc<str>,
}

impl Hasher {
    pub async fn start(concurrency: usize) -> Result<Hasher, HashError> {
        let secret: String = {
            use rand::Rng;
            rand::thread_rng().sample_iter(&rand::distributions::Alphanumeric).take(32).map(char::from).collect()
        };
        let dummy = hash(Password::offered(secret)).await?;
        Ok(Hasher { permits: Arc::new(Semaphore::new(concurrency.max(1))), dummy: dummy.into() })
    }

    /// A permit, or `None` when every permit is taken (the caller answers 503 at once).
    pub fn try_permit(&self) -> Option<Permit> {
        self.permits.clone().try_acquire_owned().ok().map(|slot| Permit { _slot: slot })
    }

    /// Hashes a new password. The permit travels with the work, so it is released when the
    /// hash is done even if the client gave up waiting.
    pub async fn hash(&self, permit: Permit, password: Password) -> Result<String, HashError> {
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            hash_now(&password)
        })
        .await?
    }

    /// Checks a password against a stored hash. With no usable hash (unknown account, or one
    /// that cannot sign in) the same single verification runs against the dummy hash, so the
    /// response time does not reveal which emails exist.
    pub async fn verify(&self, permit: Permit, password: Password, stored: Option<String>) -> Result<bool, HashError> {
        let dummy = self.dummy.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let usable = stored.as_deref().and_then(|s| PasswordHash::new(s).ok());
            let known = usable.is_some();
            let parsed = match usable {
                Some(parsed) => parsed,
                None => PasswordHash::new(&dummy).map_err(|e| HashError::Hash(e.to_string()))?,
            };
            let ok = hasher().verify_password(password.expose().as_bytes(), &parsed).is_ok();
            Ok(ok && known)
        })
        .await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn permits_run_out_and_come_back() {
        let hasher = Hasher::start(1).await.unwrap();
        let permit = hasher.try_permit().expect("one permit");
        assert!(hasher.try_permit().is_none(), "a second concurrent hash must be refused");
        let stored = hasher.hash(permit, Password::offered("correct horse battery".into())).await.unwrap();
        let permit = hasher.try_permit().expect("released after the hash");
        assert!(hasher.verify(permit, Password::offered("correct horse battery".into()), Some(stored.clone())).await.unwrap());
        let permit = hasher.try_permit().unwrap();
        assert!(!hasher.verify(permit, Password::offered("wrong".into()), Some(stored)).await.unwrap());
        // Unknown accounts and unusable hashes never match, even the dummy's own password.
        let permit = hasher.try_permit().unwrap();
        assert!(!hasher.verify(permit, Password::offered("x".into()), None).await.unwrap());
        let permit = hasher.try_permit().unwrap();
        assert!(!hasher.verify(permit, Password::offered("x".into()), Some("!".into())).await.unwrap());
    }
}
