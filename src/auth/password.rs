//! argon2id hashing, off the async runtime (a hash takes tens of milliseconds of CPU and
//! 19 MiB of memory), behind a limiter sized to the machine.
//!
//! Every hash or verification needs a permit from [`Hasher`]; by default there is one for
//! every two cores (`HAKAM_HASH_CONCURRENCY`), so a flood of logins can never take more than
//! half the machine. A request that finds none free is refused at once with 503 and
//! `Retry-After` instead of queueing (and while every permit is taken, `server::limits`
//! refuses hashing requests before they reach a session or a server function).
//!
//! The hashes run on threads of their own, one per permit, at a lower CPU priority (nice 10
//! on Linux): when the machine is busy, the threads answering judges' saves and page views
//! run first, and a password check waits a little longer instead.

use super::domain::Password;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::{mpsc, Arc, Mutex};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("hashing task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
    #[error("the hashing thread stopped before answering")]
    Stopped,
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

type Job = Box<dyn FnOnce() + Send>;

/// Starts `count` hashing threads taking jobs from one queue. They end when the last
/// [`Hasher`] holding the queue is dropped.
fn start_threads(count: usize) -> mpsc::Sender<Job> {
    let (jobs, queue) = mpsc::channel::<Job>();
    let queue = Arc::new(Mutex::new(queue));
    for i in 0..count {
        let queue = queue.clone();
        let spawned = std::thread::Builder::new().name(format!("hakam-hash-{i}")).spawn(move || {
            lower_priority();
            loop {
                // The lock is held only while waiting for the next job, not while running it.
                let next = queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).recv();
                match next {
                    Ok(job) => job(),
                    Err(_) => break,
                }
            }
        });
        if let Err(e) = spawned {
            // Fewer threads only means hashes wait for each other; the permits still bound them.
            tracing::error!(error = %e, "could not start a hashing thread");
        }
    }
    jobs
}

/// Lowers this thread's CPU priority. On Linux a thread is its own scheduling entity, so
/// this leaves the rest of the process as it was.
fn lower_priority() {
    /// How much lower than the server's own threads the hashing threads run (`nice` value).
    #[cfg(target_os = "linux")]
    const HASH_NICENESS: i32 = 10;
    #[cfg(target_os = "linux")]
    {
        if let Err(e) = rustix::process::setpriority_process(Some(rustix::thread::gettid()), HASH_NICENESS) {
            tracing::warn!(error = %e, "could not lower the hashing thread's priority");
        }
    }
}

/// The hashing limiter and the fixed dummy hash unknown accounts are checked against.
#[derive(Clone, Debug)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    jobs: mpsc::Sender<Job>,
    /// A hash of a random password, computed once at start: an unknown email (or an account
    /// that cannot sign in) costs exactly one verification, like a known one.
    dummy: Arc<str>,
}

impl Hasher {
    pub async fn start(concurrency: usize) -> Result<Hasher, HashError> {
        let secret = crate::links::random(32);
        let dummy = hash(Password::offered(secret)).await?;
        let concurrency = concurrency.max(1);
        Ok(Hasher {
            permits: Arc::new(Semaphore::new(concurrency)),
            jobs: start_threads(concurrency),
            dummy: dummy.into(),
        })
    }

    /// A permit, or `None` when every permit is taken (the caller answers 503 at once).
    pub fn try_permit(&self) -> Option<Permit> {
        self.permits.clone().try_acquire_owned().ok().map(|slot| Permit { _slot: slot })
    }

    /// Whether every permit is taken right now, so a hashing request would be refused.
    pub fn is_full(&self) -> bool {
        self.permits.available_permits() == 0
    }

    /// Runs `work` on a hashing thread. The permit travels with the work, so it is released
    /// when the work is done even if the client gave up waiting.
    async fn run<T: Send + 'static>(
        &self,
        permit: Permit,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            // A panic in the hash must not take the thread with it; the caller sees `Stopped`.
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            // Freed before the answer goes out, so the caller's next request finds it free.
            drop(permit);
            if let Ok(value) = outcome {
                let _ = answer.send(value);
            }
        });
        self.jobs.send(job).map_err(|_| HashError::Stopped)?;
        answered.await.map_err(|_| HashError::Stopped)
    }

    /// Hashes a new password.
    pub async fn hash(&self, permit: Permit, password: Password) -> Result<String, HashError> {
        self.run(permit, move || hash_now(&password)).await?
    }

    /// Checks a password against a stored hash. With no usable hash (unknown account, or one
    /// that cannot sign in) the same single verification runs against the dummy hash, so the
    /// response time does not reveal which emails exist.
    pub async fn verify(&self, permit: Permit, password: Password, stored: Option<String>) -> Result<bool, HashError> {
        let dummy = self.dummy.clone();
        self.run(permit, move || {
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
        assert!(hasher.is_full());
        assert!(hasher.try_permit().is_none(), "a second concurrent hash must be refused");
        let stored = hasher.hash(permit, Password::offered("correct horse battery".into())).await.unwrap();
        assert!(!hasher.is_full());
        let permit = hasher.try_permit().expect("released after the hash");
        assert!(hasher
            .verify(permit, Password::offered("correct horse battery".into()), Some(stored.clone()))
            .await
            .unwrap());
        let permit = hasher.try_permit().unwrap();
        assert!(!hasher.verify(permit, Password::offered("wrong".into()), Some(stored)).await.unwrap());
        // Unknown accounts and unusable hashes never match, even the dummy's own password.
        let permit = hasher.try_permit().unwrap();
        assert!(!hasher.verify(permit, Password::offered("x".into()), None).await.unwrap());
        let permit = hasher.try_permit().unwrap();
        assert!(!hasher.verify(permit, Password::offered("x".into()), Some("!".into())).await.unwrap());
    }
}
