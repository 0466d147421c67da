//! An id in the path, parsed into its type before the handler runs: `ApiPath<CitizenId>`. A
//! value that cannot be one of our ids names nothing, so it is 404 `not_found` in problem+json
//! — the same answer as an id that does not exist or may not be seen — without asking the
//! database.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

use crate::error::ApiError;

#[derive(Debug)]
pub struct ApiPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiPath<T>
where
    S: Send + Sync,
    T: for<'a> TryFrom<&'a str>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::NotFound)?;
        T::try_from(raw.as_str())
            .map(ApiPath)
            .map_err(|_| ApiError::NotFound)
    }
}
