//! The receiver as a confidential OpenID Connect client of the clinic's provider, with
//! `openidconnect`: authorization code with PKCE (S256), `state` and `nonce`, the client secret
//! sent with HTTP Basic (`client_secret_basic`, the crate's default). The provider's metadata and
//! keys are discovered on the first sign-in and kept; a failed discovery is retried at the next
//! sign-in (the receiver starts and takes patients' answers while the provider is down), and an
//! ID token signed with a key the cached set does not have makes it discover once more. The HTTP
//! client follows no redirects. Never logs a token, a code or the secret.

use std::sync::Arc;

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreClaimName, CoreClaimType,
    CoreClientAuthMethod, CoreErrorResponseType, CoreGenderClaim, CoreGrantType, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm, CoreJwsSigningAlgorithm,
    CoreResponseMode, CoreResponseType, CoreRevocableToken, CoreRevocationErrorResponse,
    CoreSubjectIdentifierType, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AdditionalProviderMetadata, AuthorizationCode, ClaimsVerificationError,
    Client, ClientId, ClientSecret, CsrfToken, EmptyExtraTokenFields, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, IdTokenFields, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, ProviderMetadata, RedirectUrl, Scope, SignatureVerificationError,
    StandardErrorResponse, StandardTokenResponse, TokenResponse as _,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tokio::sync::RwLock;

/// The ID token's claims beyond the standard ones: the groups claim, the configured clinician
/// claim, whatever the provider adds.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(transparent)]
pub struct ExtraClaims(pub Map<String, Value>);
impl AdditionalClaims for ExtraClaims {}

/// Discovery's fields beyond the standard ones: where RP-initiated logout goes.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct ExtraMetadata {
    /// OpenID Connect RP-Initiated Logout 1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_session_endpoint: Option<String>,
    /// RFC 9207: the provider sends `iss` with the authorization response.
    #[serde(default)]
    pub authorization_response_iss_parameter_supported: bool,
}
impl AdditionalProviderMetadata for ExtraMetadata {}

type Metadata = ProviderMetadata<
    ExtraMetadata,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;
type Fields = IdTokenFields<
    ExtraClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;
type Tokens = StandardTokenResponse<Fields, CoreTokenType>;
type OidcClient = Client<
    ExtraClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    Tokens,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Why a sign-in failed. The texts name no token, code or secret.
#[derive(Debug)]
pub enum OidcError {
    /// The provider could not be reached or answered nonsense (503 for the browser).
    Unavailable(String),
    /// The answer from the provider did not check out (400 for the browser).
    Rejected(String),
}

impl std::fmt::Display for OidcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OidcError::Unavailable(s) => write!(f, "identity provider unavailable: {s}"),
            OidcError::Rejected(s) => write!(f, "sign-in rejected: {s}"),
        }
    }
}

/// What the sign-in redirect hands to the callback, kept in a short-lived cookie.
pub struct Pending {
    /// The `state` parameter.
    pub state: String,
    /// The PKCE verifier.
    pub verifier: String,
    /// The `nonce` the ID token must carry.
    pub nonce: String,
}

/// Who signed in, read from a verified ID token.
#[derive(Clone, Debug)]
pub struct SignedIn {
    /// The configured clinician claim's value.
    pub clinician_id: String,
    /// `name`, else `preferred_username`, else the clinician id.
    pub name: String,
    /// The groups claim (strings only).
    pub groups: Vec<String>,
}

/// The provider, its client settings and the cached discovery.
pub struct Provider {
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: ClientSecret,
    redirect: RedirectUrl,
    clinician_claim: String,
    groups_claim: String,
    http: reqwest::Client,
    metadata: RwLock<Option<Arc<Metadata>>>,
}

impl Provider {
    /// A provider to be discovered on first use.
    pub fn new(
        issuer: &str,
        client_id: &str,
        client_secret: &str,
        redirect: &str,
        clinician_claim: &str,
        groups_claim: &str,
    ) -> Result<Provider, String> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Provider {
            issuer: IssuerUrl::new(issuer.to_owned())
                .map_err(|e| format!("--oidc-issuer \"{issuer}\": {e}"))?,
            client_id: ClientId::new(client_id.to_owned()),
            client_secret: ClientSecret::new(client_secret.to_owned()),
            redirect: RedirectUrl::new(redirect.to_owned())
                .map_err(|e| format!("redirect URI \"{redirect}\": {e}"))?,
            clinician_claim: clinician_claim.to_owned(),
            groups_claim: groups_claim.to_owned(),
            http,
            metadata: RwLock::new(None),
        })
    }

    /// The issuer, as configured.
    pub fn issuer(&self) -> &str {
        self.issuer.as_str()
    }

    async fn metadata(&self, fresh: bool) -> Result<Arc<Metadata>, OidcError> {
        if !fresh {
            if let Some(m) = self.metadata.read().await.clone() {
                return Ok(m);
            }
        }
        let m = Metadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| OidcError::Unavailable(format!("discovery at {}: {e}", self.issuer())))?;
        let m = Arc::new(m);
        *self.metadata.write().await = Some(m.clone());
        Ok(m)
    }

    fn client(&self, m: &Metadata) -> OidcClient {
        Client::from_provider_metadata(
            m.clone(),
            self.client_id.clone(),
            Some(self.client_secret.clone()),
        )
        .set_redirect_uri(self.redirect.clone())
    }

    /// The provider's URL to send the browser to, and what the callback will need.
    pub async fn begin(&self) -> Result<(String, Pending), OidcError> {
        let m = self.metadata(false).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let client = self.client(&m);
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge);
        // Ask for the groups claim's scope only where the provider offers one by that name.
        let groups = Scope::new(self.groups_claim.clone());
        if m.scopes_supported().is_some_and(|s| s.contains(&groups)) {
            request = request.add_scope(groups);
        }
        let (url, state, nonce) = request.url();
        Ok((
            url.to_string(),
            Pending {
                state: state.secret().clone(),
                verifier: verifier.secret().clone(),
                nonce: nonce.secret().clone(),
            },
        ))
    }

    /// Checks the callback's `iss` (RFC 9207) against the discovered issuer, when it is sent.
    pub async fn check_iss(&self, iss: Option<&str>) -> Result<(), OidcError> {
        let m = self.metadata(false).await?;
        match iss {
            Some(i) if i != m.issuer().as_str() => Err(OidcError::Rejected(
                "the authorization response names another issuer".into(),
            )),
            None if m
                .additional_metadata()
                .authorization_response_iss_parameter_supported =>
            {
                Err(OidcError::Rejected(
                    "the authorization response has no iss".into(),
                ))
            }
            _ => Ok(()),
        }
    }

    /// Exchanges the code (with the PKCE verifier) and verifies the ID token (signature,
    /// issuer, audience, expiry, nonce); re-discovers once when its key is unknown.
    pub async fn finish(&self, code: &str, pending: Pending) -> Result<SignedIn, OidcError> {
        let m = self.metadata(false).await?;
        let tokens = self
            .client(&m)
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| OidcError::Unavailable(format!("no token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                openidconnect::RequestTokenError::ServerResponse(r) => {
                    OidcError::Rejected(format!("token endpoint: {}", r.error()))
                }
                other => OidcError::Unavailable(format!("token endpoint: {other}")),
            })?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| OidcError::Rejected("the token response has no ID token".into()))?;
        let nonce = Nonce::new(pending.nonce);
        let first = {
            let client = self.client(&m);
            let verifier = client.id_token_verifier();
            id_token.claims(&verifier, &nonce).cloned()
        };
        let claims = match first {
            Ok(c) => c,
            Err(ClaimsVerificationError::SignatureVerification(
                SignatureVerificationError::NoMatchingKey,
            )) => {
                let m = self.metadata(true).await?;
                let client = self.client(&m);
                let verifier = client.id_token_verifier();
                id_token
                    .claims(&verifier, &nonce)
                    .cloned()
                    .map_err(|e| OidcError::Rejected(format!("ID token: {e}")))?
            }
            Err(e) => return Err(OidcError::Rejected(format!("ID token: {e}"))),
        };
        let extra = &claims.additional_claims().0;
        let clinician_id = if self.clinician_claim == "sub" {
            claims.subject().as_str().to_owned()
        } else {
            match extra.get(&self.clinician_claim) {
                Some(Value::String(s)) if !s.is_empty() => s.clone(),
                _ => {
                    return Err(OidcError::Rejected(format!(
                        "the ID token has no string claim \"{}\" (--clinician-claim)",
                        self.clinician_claim
                    )))
                }
            }
        };
        let name = claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_owned())
            .or_else(|| extra.get("name").and_then(Value::as_str).map(str::to_owned))
            .or_else(|| claims.preferred_username().map(|u| u.as_str().to_owned()))
            .unwrap_or_else(|| clinician_id.clone());
        let groups = match extra.get(&self.groups_claim) {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            Some(Value::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        };
        Ok(SignedIn {
            clinician_id,
            name,
            groups,
        })
    }

    /// Where the browser goes after signing out here: the provider's `end_session_endpoint`
    /// (with `client_id` and `post_logout_redirect_uri`) if it has one and was discovered.
    pub async fn end_session_url(&self, post_logout: &str) -> Option<String> {
        let m = self.metadata.read().await.clone()?;
        let end = m.additional_metadata().end_session_endpoint.as_deref()?;
        let mut url = openidconnect::url::Url::parse(end).ok()?;
        url.query_pairs_mut()
            .append_pair("client_id", self.client_id.as_str())
            .append_pair("post_logout_redirect_uri", post_logout);
        Some(url.to_string())
    }
}
