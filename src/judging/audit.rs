//! The organizer's audit log view: sensitive actions from `audit_log` (rubric changes,
//! assignment runs, settings, passes, invites, extensions…) merged with the scores' edit
//! history from `score_saves`, newest first.

use crate::error::AppError;
use crate::i18n::{args, use_lang, Msg};
use crate::ui::{event_id_param, loaded, RetiredMark};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    /// The actor is a judge of the event who was retired: their entries stay, marked so.
    pub retired: bool,
    pub action: String,
    /// What changed, as stored (JSON), shortened for the table.
    pub detail: String,
    /// The organizer who keyed this score in from the judge's paper sheet.
    pub entered_by: Option<String>,
}

pub const AUDIT_LIMIT: i64 = 300;

#[cfg(feature = "ssr")]
fn shorten(s: &str) -> String {
    if s.chars().count() > 240 {
        format!("{}…", s.chars().take(240).collect::<String>())
    } else {
        s.to_owned()
    }
}

#[server(prefix = "/api", endpoint = "judging/audit")]
pub async fn audit_log(event_id: i64) -> Result<Vec<AuditEntry>, AppError> {
    use crate::auth::{gate, Role};
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let tz = crate::events::db::timezone(db, event_id).await?;
    #[derive(sqlx::FromRow)]
    struct Action {
        at: i64,
        actor: Option<String>,
        /// 1 when the actor is a retired judge of the event.
        retired: i64,
        action: String,
        before_json: Option<String>,
        after_json: Option<String>,
    }
    #[derive(sqlx::FromRow)]
    struct Save {
        at: i64,
        judge: String,
        retired: i64,
        project_id: i64,
        outcome: String,
        version: i64,
        status: String,
        marks: String,
        entered_by: Option<String>,
    }
    let actions: Vec<Action> = sqlx::query_as(
        "SELECT a.at, u.display_name AS actor, \
         CASE WHEN EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = a.event_id AND r.user_id = a.actor_id \
         AND r.role = 'judge' AND r.retired_at IS NOT NULL) THEN 1 ELSE 0 END AS retired, \
         a.action, a.before_json, a.after_json FROM audit_log a \
         LEFT JOIN users u ON u.id = a.actor_id WHERE a.event_id = $1 ORDER BY a.at DESC, a.id DESC LIMIT $2",
    )
    .bind(event_id)
    .bind(AUDIT_LIMIT)
    .fetch_all(&db.pool)
    .await?;
    let saves: Vec<Save> = sqlx::query_as(
        "SELECT k.at, u.display_name AS judge, \
         CASE WHEN EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = p.event_id AND r.user_id = k.judge_id \
         AND r.role = 'judge' AND r.retired_at IS NOT NULL) THEN 1 ELSE 0 END AS retired, \
         k.project_id, k.outcome, k.version, k.status, k.marks, o.display_name AS entered_by \
         FROM score_saves k JOIN users u ON u.id = k.judge_id JOIN projects p ON p.id = k.project_id \
         LEFT JOIN users o ON o.id = k.entered_by \
         WHERE p.event_id = $1 ORDER BY k.at DESC LIMIT $2",
    )
    .bind(event_id)
    .bind(AUDIT_LIMIT)
    .fetch_all(&db.pool)
    .await?;
    let mut entries: Vec<(i64, AuditEntry)> = actions
        .into_iter()
        .map(|a| {
            let detail = match (a.before_json, a.after_json) {
                (Some(b), Some(a)) => format!("{b} → {a}"),
                (None, Some(a)) => a,
                (Some(b), None) => b,
                (None, None) => String::new(),
            };
            let entry = AuditEntry {
                at: String::new(),
                actor: a.actor.unwrap_or_default(),
                retired: a.retired == 1,
                action: a.action,
                detail: shorten(&detail),
                entered_by: None,
            };
            (a.at, entry)
        })
        .chain(saves.into_iter().map(|k| {
            let action = format!("score.{}", k.outcome);
            let detail = format!("{} v{} {} {}", super::project_code(k.project_id), k.version, k.status, k.marks);
            let entry = AuditEntry {
                at: String::new(),
                actor: k.judge,
                retired: k.retired == 1,
                action,
                detail: shorten(&detail),
                entered_by: k.entered_by,
            };
            (k.at, entry)
        }))
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    entries.truncate(AUDIT_LIMIT as usize);
    Ok(entries
        .into_iter()
        .map(|(at, mut e)| {
            e.at = crate::i18n::dates::for_reader(at, tz);
            e
        })
        .collect())
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), audit_log);
    view! {
        {loaded(
            data,
            move |entries| {
                view! {
                    <section class="form-page wide">
                        <div class="page-head">
                            <h1>{lang.t(Msg::AuditTitle)}</h1>
                            <a href=format!("/events/{}/judging", id.get_untracked())>{lang.t(Msg::JudgingTitle)}</a>
                        </div>
                        <p class="hint">
                            {lang
                                .format(args::HintAudit {
                                    count: AUDIT_LIMIT,
                                })}
                        </p>
                        <div class="table-scroll">
                            <table class="people audit">
                                <thead>
                                    <tr>
                                        <th>{lang.t(Msg::AuditWhen)}</th>
                                        <th>{lang.t(Msg::AuditWho)}</th>
                                        <th>{lang.t(Msg::AuditWhat)}</th>
                                        <th>{lang.t(Msg::AuditDetail)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {entries
                                        .into_iter()
                                        .map(|e| {
                                            view! {
                                                <tr>
                                                    <td>
                                                        <time>{e.at}</time>
                                                    </td>
                                                    <td>
                                                        <span dir="auto">{e.actor}</span>
                                                        <RetiredMark retired=e.retired />
                                                        {e
                                                            .entered_by
                                                            .map(|name| {
                                                                view! {
                                                                    <span class="badge paper-entry-mark" dir="auto">
                                                                        {lang
                                                                            .format(args::PaperEnteredBy {
                                                                                name: &name,
                                                                            })}
                                                                    </span>
                                                                }
                                                            })}
                                                    </td>
                                                    <td>
                                                        <code>{e.action}</code>
                                                    </td>
                                                    <td class="audit-detail" dir="auto">
                                                        {e.detail}
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}
