//! JSON bodies with the API's error contract: unparseable JSON is 400 `malformed_json`; JSON of
//! the wrong shape (a string where a number belongs, say) is 422 `validation_failed` naming the
//! field, and a field a body that refuses unknown fields does not have is 422 `unknown_field`
//! naming it. Missing fields and bad values are found later, by the domain parsers, field by field.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use domain::{FieldError, Invalid};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let Json(value) = Json::<serde_json::Value>::from_request(req, state)
            .await
            .map_err(|rejection| match rejection {
                JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
                other if other.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                    ApiError::BodyTooLarge
                }
                other => ApiError::MalformedJson(other.body_text()),
            })?;
        if !value.is_object() {
            return Err(ApiError::MalformedJson("expected a JSON object".into()));
        }
        serde_path_to_error::deserialize(value)
            .map(ApiJson)
            .map_err(|e| {
                // serde names an unknown field only in its message: "unknown field `x`, …".
                let message = e.inner().to_string();
                let unknown = message
                    .strip_prefix("unknown field `")
                    .and_then(|rest| rest.split_once('`'))
                    .map(|(name, _)| name.to_owned());
                ApiError::Validation(vec![match unknown {
                    Some(name) => FieldError::new(name, Invalid::UnknownField),
                    None => FieldError::new(e.path().to_string(), Invalid::BadFormat),
                }])
            })
    }
}
