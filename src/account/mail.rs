//! Sending a person their own reset link by e-mail, when the server has a mail server
//! (`HAKAM_SMTP_URL`, `HAKAM_SMTP_FROM`). Without one, reset links come from the platform
//! admin or the operator only, and the forgot page says so.

use crate::config::Mail;
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// The mail server, connected lazily: messages go out through a small pool of connections.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from.to_string()).finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("HAKAM_SMTP_URL is not a mail server URL: {0}")]
    Url(lettre::transport::smtp::Error),
    #[error("HAKAM_SMTP_FROM {0:?} is not a mailbox such as `Hakam <no-reply@example.org>`: {1}")]
    From(String, lettre::address::AddressError),
    #[error("{0:?} is not an e-mail address the mail server can take: {1}")]
    To(String, lettre::address::AddressError),
    #[error("the message could not be built: {0}")]
    Build(lettre::error::Error),
    #[error("the mail server refused or did not answer: {0}")]
    Send(lettre::transport::smtp::Error),
}

impl Mailer {
    /// Checks the configuration at start, so a typo stops the server instead of the first
    /// person who forgot their password.
    pub fn new(mail: &Mail) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&mail.url)
            .map_err(MailError::Url)?
            // A mail server that hangs must not hold a request's task for long.
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = mail.from.parse::<Mailbox>().map_err(|e| MailError::From(mail.from.clone(), e))?;
        Ok(Mailer { transport, from })
    }

    /// Sends one plain-text message.
    pub async fn send(&self, to_name: &str, to_email: &str, subject: String, body: String) -> Result<(), MailError> {
        let address = to_email.parse().map_err(|e| MailError::To(to_email.to_owned(), e))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(Some(to_name.to_owned()), address))
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(MailError::Build)?;
        self.transport.send(message).await.map_err(MailError::Send)?;
        Ok(())
    }

    /// Whether the mail server accepts a connection (`hakam check`).
    pub async fn reachable(&self) -> Result<bool, MailError> {
        self.transport.test_connection().await.map_err(MailError::Send)
    }
}
