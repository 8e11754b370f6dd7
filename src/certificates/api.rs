//! Certificate server functions: a participant's own (the event's participants), every
//! participant's (organizers), and the check page's (anyone holding a code).

use super::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::domain::{distinctions, Distinction},
    crate::auth::{gate, Role},
    crate::board::domain::Frame,
    crate::db::Db,
    crate::error::AppResult,
    crate::i18n::{args, Lang, Msg},
};

use crate::error::AppError;

/// The published results, once revealed in full: the ranking and the people's choice.
/// Certificates wait for the whole reveal, so none names a distinction the hall has not seen.
#[cfg(feature = "ssr")]
async fn final_results(
    db: &Db,
    event_id: i64,
) -> AppResult<Option<(Vec<crate::board::domain::Row>, Vec<crate::audience::domain::Standing>)>> {
    let stored = crate::board::db::stored(db, event_id).await?;
    match crate::board::domain::frame(&stored.state, &[], crate::board::domain::Audience::Public) {
        Frame::Final { rows, favourites } => Ok(Some((rows, favourites))),
        _ => Ok(None),
    }
}

#[cfg(feature = "ssr")]
fn distinction_text(d: &Distinction, lang: Lang) -> String {
    match d {
        Distinction::Place(1) => lang.t(Msg::DistinctionFirst).to_owned(),
        Distinction::Place(2) => lang.t(Msg::DistinctionSecond).to_owned(),
        Distinction::Place(_) => lang.t(Msg::DistinctionThird).to_owned(),
        Distinction::TrackWinner(track) => lang.format(args::DistinctionTrackWinner { track }),
        Distinction::PeoplesChoice => lang.t(Msg::DistinctionPeoplesChoice).to_owned(),
    }
}

/// Everything printed on one participant's certificate, in the reader's language.
#[cfg(feature = "ssr")]
async fn certificate(
    db: &Db,
    base_url: &str,
    event_id: i64,
    holder: super::db::HolderRow,
    results: &(Vec<crate::board::domain::Row>, Vec<crate::audience::domain::Standing>),
) -> AppResult<Certificate> {
    let lang = crate::i18n::request::request_lang();
    let code = super::db::code_for(db, event_id, holder.user_id).await?;
    let (event_name, starts, ends): (String, i64, i64) =
        sqlx::query_as("SELECT name, starts_at, ends_at FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(&db.pool)
            .await?;
    let tz = crate::events::db::timezone(db, event_id).await?;
    let (first, last) = (crate::i18n::dates::day(starts, tz, lang), crate::i18n::dates::day(ends, tz, lang));
    let dates = if first == last { first } else { format!("{first} – {last}") };
    // Localized track names: the published rows carry the track as stored.
    let tracks = crate::events::db::track_languages(db, event_id).await?;
    let won = holder
        .project_id
        .map(|p| distinctions(p, results.0.iter().find(|r| r.project == p), &results.1))
        .unwrap_or_default()
        .into_iter()
        .map(|d| match d {
            Distinction::TrackWinner(t) => {
                Distinction::TrackWinner(tracks.get(&t).map(|n| n.pick(lang).to_owned()).unwrap_or(t))
            }
            d => d,
        })
        .map(|d| distinction_text(&d, lang))
        .collect();
    let url = format!("{base_url}{}", verify_path(&code));
    Ok(Certificate {
        qr_svg: crate::links::qr_svg(&url),
        url,
        code,
        name: holder.name,
        event_name,
        dates,
        team: holder.team,
        project: holder.project,
        distinctions: won,
    })
}

/// The caller's own certificate, once the results are revealed in full.
#[server(prefix = "/api", endpoint = "certificates/mine")]
pub async fn my_certificate(event_id: i64) -> Result<Certificate, AppError> {
    let access = gate::event(event_id, &[Role::Participant]).await?;
    let db = access.db();
    let results = final_results(db, event_id).await?.ok_or(AppError::Conflict(Msg::ErrCertificatesNotYet))?;
    let holder = super::db::holder(db, event_id, access.user.id).await?.ok_or(AppError::NotFound)?;
    certificate(db, &access.state.config.public_url, event_id, holder, &results).await
}

/// Every participant's certificate, for the organizer to print for the closing ceremony.
#[server(prefix = "/api", endpoint = "certificates/all")]
pub async fn all_certificates(event_id: i64) -> Result<CertificateSet, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let results = final_results(db, event_id).await?.ok_or(AppError::Conflict(Msg::ErrCertificatesNotYet))?;
    let mut certificates = Vec::new();
    for holder in super::db::holders(db, event_id).await? {
        certificates.push(certificate(db, &access.state.config.public_url, event_id, holder, &results).await?);
    }
    Ok(CertificateSet {
        event_id,
        event_name: crate::events::db::name(db, event_id).await?.ok_or(AppError::NotFound)?,
        certificates,
    })
}

/// The check page: anyone holding a certificate's code sees what it certifies, as the event
/// stands now. An unknown code, or the certificate of someone no longer a participant, is
/// unknown (404).
#[server(prefix = "/api", endpoint = "certificates/verify")]
pub async fn verify_certificate(code: String) -> Result<Certificate, AppError> {
    let caller = gate::public().await?;
    let db = caller.db();
    let (event_id, user_id) = super::db::by_code(db, code.trim()).await?.ok_or(AppError::NotFound)?;
    let holder = super::db::holder(db, event_id, user_id).await?.ok_or(AppError::NotFound)?;
    // Results withdrawn since: the certificate still certifies taking part, with no distinction.
    let results = final_results(db, event_id).await?.unwrap_or_default();
    certificate(db, &caller.state.config.public_url, event_id, holder, &results).await
}
