-- Sign-ins under way at an identity provider (OpenID Connect, e.g. MitID through a broker).
-- A row lives from the redirect to the provider until the browser comes back (at most ten
-- minutes) and is taken exactly once: the callback deletes it, so a replayed answer finds
-- nothing. Only the SHA-256 of the `state` is kept; the PKCE verifier and the nonce are
-- worthless without the provider's one-time code, which never passes through the database.
CREATE TABLE sign_in_attempts (
    state_hash TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    nonce TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    -- The page to return to once signed in (a local path), if the person was on their way to one.
    return_to TEXT,
    expires_at BIGINT NOT NULL
);
