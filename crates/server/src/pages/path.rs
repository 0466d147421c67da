//! An id in a page's path, parsed into its type before the handler runs: `PagePath<CitizenId>`.
//! A value that cannot be one of our ids names nothing, so the reader gets the "Siden findes
//! ikke" page in their language, as for an id that does not exist, without a database query.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

use super::PageError;

#[derive(Debug)]
pub struct PagePath<T>(pub T);

impl<S, T> FromRequestParts<S> for PagePath<T>
where
    S: Send + Sync,
    T: for<'a> TryFrom<&'a str>,
{
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, PageError> {
        let lang = super::context::lang_of(parts);
        let not_found = || PageError::NotFound.in_lang(lang);
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_found())?;
        T::try_from(raw.as_str())
            .map(PagePath)
            .map_err(|_| not_found())
    }
}
