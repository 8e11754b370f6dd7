//! The random codes and tokens that end up in links (team join codes, invite codes, judge
//! passes, the admin set-up link, device cookies), their digests, and QR codes of links:
//! one generator and one digest for every kind, so their strength is decided in one place.

use rand::Rng;
use sha2::Digest;

/// `len` letters and digits from the thread's CSPRNG (about 5.95 bits each).
pub fn random(len: usize) -> String {
    rand::thread_rng().sample_iter(&rand::distributions::Alphanumeric).take(len).map(char::from).collect()
}

/// What the database keeps of a token: its SHA-256, in hex. Tokens are long and random, so a
/// fast digest is enough to make a copy of the table useless for signing in or claiming.
pub fn digest(token: &str) -> String {
    sha2::Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A QR code of `url` as an SVG document, empty if the URL is too long to encode.
pub fn qr_svg(url: &str) -> String {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(180, 180).quiet_zone(true).build(),
        Err(e) => {
            tracing::warn!(error = %e, "QR code not generated");
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn random_codes_have_their_length_and_differ() {
        let (a, b) = (super::random(24), super::random(24));
        assert_eq!(a.len(), 24);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(a, b);
    }

    #[test]
    fn digests_are_sha256_hex() {
        assert_eq!(super::digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn a_link_becomes_an_svg_qr_code() {
        assert!(super::qr_svg("https://hakam.example/join/abc").contains("<svg"));
    }
}
