//! Failed sign-ins slow whoever makes them, by account and by client
//! address, with a growing delay rather than a lock that anyone could set
//! off against an administrator.
//!
//! The schedule ([`delay`]): the first [`FREE_FAILURES`] failures cost
//! nothing; after the n-th failure (n ≥ 5) the next attempt waits
//! 2^(n−5) seconds (1, 2, 4, … 512), at most [`MAX_DELAY`] (15 minutes,
//! from the 15th failure on). An attempt made while it must wait is
//! refused unchecked, with the same answer as a wrong password, and does
//! not count. An account's count restarts with a successful sign-in; an
//! address's after [`FORGET_AFTER`] (a day) without a failure, never with a
//! success (an attacker's own account would reset it).
//!
//! An address waits for its own delay, and for the account's delay only
//! once it has failed itself: an address with no failure on record gets its
//! attempt checked even while the account waits, so a flood from one
//! address slows that address and never locks the owner out from another.
//!
//! The address is the TCP peer's; when that peer is the configured trusted
//! proxy ([`crate::Config::trusted_proxy`]), it is the right-most address
//! of `X-Forwarded-For` that is not the proxy's. No other client's header
//! is believed. IPv6 addresses count by their /64, which one client
//! usually holds whole.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use talenta_app::sign_in::{self, Attempts};
use talenta_domain::{InstansiId, Nip};

use crate::AppState;
use crate::error::WebError;

/// Failures that cost no delay.
pub const FREE_FAILURES: i64 = 5;
/// The longest delay, in seconds.
pub const MAX_DELAY: i64 = 15 * 60;
/// An address's count restarts after this long without a failure, in
/// seconds.
pub const FORGET_AFTER: i64 = 24 * 60 * 60;

/// The wait, in seconds, before the attempt after the `failures`-th.
pub fn delay(failures: i64) -> i64 {
    match failures.checked_sub(FREE_FAILURES) {
        Some(doublings @ 0..10) => (1_i64 << doublings).min(MAX_DELAY),
        Some(10..) => MAX_DELAY,
        _ => 0,
    }
}

/// The client a request comes from, as failed sign-ins count it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| peer.ip());
        Ok(ClientAddress(client_address(
            peer,
            &parts.headers,
            state.config().trusted_proxy,
        )))
    }
}

/// The client's address: the peer's, or behind the trusted proxy the
/// right-most forwarded address that is not the proxy's. A router served
/// without peer information (not by [`crate::serve`]) counts everyone as
/// one client.
fn client_address(peer: Option<IpAddr>, headers: &HeaderMap, proxy: Option<IpAddr>) -> String {
    let Some(peer) = peer.map(|ip| ip.to_canonical()) else {
        return "tidak-diketahui".to_owned();
    };
    let forwarded = || {
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        let client = hops.into_iter().rev().find(|hop| {
            hop.parse::<IpAddr>()
                .map_or(true, |ip| Some(ip.to_canonical()) != proxy)
        })?;
        client.parse::<IpAddr>().ok().map(|ip| ip.to_canonical())
    };
    let client = match proxy {
        Some(proxy) if proxy.to_canonical() == peer => forwarded().unwrap_or(peer),
        _ => peer,
    };
    match client {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            let prefix: Vec<String> = s.iter().take(4).map(|x| format!("{x:x}")).collect();
            format!("{}::/64", prefix.join(":"))
        }
    }
}

/// An account, as the throttle knows it.
#[derive(Debug, Clone, Copy)]
pub struct Account<'a> {
    pub instansi: InstansiId,
    pub nip: &'a Nip,
}

/// Whether an attempt now from `address`, on `account` when the NIP has
/// one, must wait (and is refused unchecked).
pub async fn must_wait(
    state: &AppState,
    account: Option<Account<'_>>,
    address: &ClientAddress,
) -> Result<bool, WebError> {
    let db = state.db();
    let now = state.now().unix_timestamp();
    let from_here = sign_in::address_attempts(db, &address.0, now - FORGET_AFTER).await?;
    if from_here.waits(now) {
        return Ok(true);
    }
    if from_here.failures == 0 {
        return Ok(false);
    }
    Ok(match account {
        Some(a) => sign_in::attempts(db, a.instansi, a.nip).await?.waits(now),
        None => false,
    })
}

/// Counts a failed attempt from `address`, and of `account` when the NIP
/// has one; returns the account's new count (none without an account).
pub async fn failed(
    state: &AppState,
    account: Option<Account<'_>>,
    address: &ClientAddress,
) -> Result<Option<Attempts>, WebError> {
    let db = state.db();
    let now = state.now().unix_timestamp();
    sign_in::address_failed(db, &address.0, now, now - FORGET_AFTER, delay).await?;
    Ok(match account {
        Some(a) => Some(sign_in::failed(db, a.instansi, a.nip, now, delay).await?),
        None => None,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_delay_doubles_after_five_failures_up_to_fifteen_minutes() {
        let schedule: Vec<i64> = (0..=16).map(delay).collect();
        assert_eq!(
            schedule,
            [
                0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900
            ]
        );
        assert_eq!(delay(i64::MAX), MAX_DELAY);
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        headers
    }

    #[test]
    fn the_forwarded_address_is_believed_only_from_the_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let headers = forwarded(&["198.51.100.7, 203.0.113.9"]);
        // From the proxy: the right-most address not the proxy's (the
        // left one is whatever the client claimed).
        assert_eq!(
            client_address(Some(proxy), &headers, Some(proxy)),
            "203.0.113.9"
        );
        let appended = forwarded(&["198.51.100.7", "203.0.113.9, 10.0.0.1"]);
        assert_eq!(
            client_address(Some(proxy), &appended, Some(proxy)),
            "203.0.113.9"
        );
        // From anyone else, or with no proxy configured: the peer.
        let other: IpAddr = "192.0.2.4".parse().unwrap();
        assert_eq!(
            client_address(Some(other), &headers, Some(proxy)),
            "192.0.2.4"
        );
        assert_eq!(client_address(Some(other), &headers, None), "192.0.2.4");
        // A proxy that forwards nothing readable: the proxy itself.
        assert_eq!(
            client_address(Some(proxy), &forwarded(&["bukan-alamat"]), Some(proxy)),
            "10.0.0.1"
        );
        assert_eq!(
            client_address(Some(proxy), &HeaderMap::new(), Some(proxy)),
            "10.0.0.1"
        );
        // IPv6 by its /64; an IPv4-mapped address as IPv4.
        let v6: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        assert_eq!(
            client_address(Some(v6), &HeaderMap::new(), None),
            "2001:db8:1:2::/64"
        );
        let mapped: IpAddr = "::ffff:192.0.2.4".parse().unwrap();
        assert_eq!(
            client_address(Some(mapped), &HeaderMap::new(), None),
            "192.0.2.4"
        );
    }
}
