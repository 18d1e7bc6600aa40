//! A visitor as a browser is one, over HTTP: a cookie jar, no automatic
//! redirects (tests look at each 303), and forms filled from the page's
//! own hidden CSRF field.

use std::sync::Arc;

use reqwest::cookie::{CookieStore, Jar};
use reqwest::header::HeaderMap;
use reqwest::redirect::Policy;
use reqwest::{Method, RequestBuilder, Url};

/// One answer, read whole.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn location(&self) -> &str {
        self.header("location")
    }

    /// Asserts the answer is `status` and shows `text`; `case` names what
    /// was asked, in the failure with the body.
    #[track_caller]
    pub fn assert_shows(&self, status: u16, text: &str, case: impl std::fmt::Display) {
        assert_eq!(self.status, status, "{case}: {}", self.body);
        assert!(
            self.body.contains(text),
            "{case}: {text:?} not shown:\n{}",
            self.body
        );
    }

    /// The value of the first hidden `_csrf` field of the page.
    pub fn csrf(&self) -> String {
        const FIELD: &str = r#"name="_csrf" value=""#;
        let start = self
            .body
            .find(FIELD)
            .unwrap_or_else(|| panic!("no _csrf field on the page:\n{}", self.body))
            + FIELD.len();
        let rest = &self.body[start..];
        rest[..rest.find('"').unwrap()].to_owned()
    }
}

/// The `<section>` of a page's `body` with element id `id`.
pub fn section<'a>(body: &'a str, id: &str) -> &'a str {
    let start = body
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} on the page:\n{body}"));
    let rest = &body[start..];
    &rest[..rest.find("</section>").unwrap()]
}

#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    jar: Arc<Jar>,
    base: String,
}

impl Client {
    pub fn new(base: &str) -> Client {
        Client::from_address(base, [127, 0, 0, 1].into(), HeaderMap::new())
    }

    /// A visitor whose connections come from `address` (any 127.x.x.x on
    /// this machine's loopback) and carry `headers` on every request.
    pub fn from_address(base: &str, address: std::net::IpAddr, headers: HeaderMap) -> Client {
        let jar = Arc::new(Jar::default());
        let http = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(Policy::none())
            .local_address(address)
            .default_headers(headers)
            .build()
            .unwrap();
        Client {
            http,
            jar,
            base: base.to_owned(),
        }
    }

    /// A request to `path` (on this server) with the jar's cookies.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http.request(method, format!("{}{path}", self.base))
    }

    pub async fn send(request: RequestBuilder) -> Page {
        let response = request.send().await.unwrap();
        Page {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.unwrap(),
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        Client::send(self.request(Method::GET, path)).await
    }

    /// Posts `fields` as a urlencoded form, exactly as given (no token
    /// added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        Client::send(self.request(Method::POST, path).form(fields)).await
    }

    /// Submits a form of the page at `form_page` to `path`, as a browser
    /// does: the page's CSRF token goes with the fields.
    pub async fn submit(&self, form_page: &str, path: &str, fields: &[(&str, &str)]) -> Page {
        let page = self.get(form_page).await;
        assert_eq!(page.status, 200, "GET {form_page}: {}", page.body);
        let token = page.csrf();
        let mut all = vec![("_csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// Logs in through the form: GET /masuk, then POST /masuk.
    pub async fn login(&self, nip: &str, password: &str) -> Page {
        self.submit("/masuk", "/masuk", &[("nip", nip), ("sandi", password)])
            .await
    }

    /// The session cookie's value (`INSTANSI.TOKEN`), if the jar has one.
    pub fn session(&self) -> Option<String> {
        let url: Url = self.base.parse().unwrap();
        let cookies = self.jar.cookies(&url)?;
        cookies
            .to_str()
            .unwrap()
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == "talenta_sesi")
            .map(|(_, value)| value.to_owned())
    }

    /// A visitor with no jar presenting `session` as its cookie, as a
    /// stolen or left-over cookie would be.
    pub fn with_session(base: &str, session: &str) -> Client {
        let client = Client::new(base);
        let url: Url = base.parse().unwrap();
        client
            .jar
            .add_cookie_str(&format!("talenta_sesi={session}; Path=/"), &url);
        client
    }
}

impl Client {
    /// Uploads `content` as the file field `berkas` named `file_name`, with
    /// `fields` and the CSRF token of the page at `form_page`, as the
    /// profile's upload form does.
    pub async fn upload(
        &self,
        form_page: &str,
        path: &str,
        fields: &[(&str, &str)],
        file_name: &str,
        content: Vec<u8>,
    ) -> Page {
        let page = self.get(form_page).await;
        assert_eq!(page.status, 200, "GET {form_page}: {}", page.body);
        let mut form = reqwest::multipart::Form::new().text("_csrf", page.csrf());
        for (name, value) in fields {
            form = form.text((*name).to_owned(), (*value).to_owned());
        }
        let part = reqwest::multipart::Part::bytes(content).file_name(file_name.to_owned());
        form = form.part("berkas", part);
        Client::send(self.request(Method::POST, path).multipart(form)).await
    }

    /// The raw bytes at `path`, with the status and headers.
    pub async fn get_bytes(&self, path: &str) -> (u16, HeaderMap, Vec<u8>) {
        let response = self.request(Method::GET, path).send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        (status, headers, response.bytes().await.unwrap().to_vec())
    }
}
