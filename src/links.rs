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
        Ok(code) => compact_svg(code.width(), &code.to_colors()),
        Err(e) => {
            tracing::warn!(error = %e, "QR code not generated");
            String::new()
        }
    }
}

/// The standard margin around a QR code, in modules.
const QUIET_ZONE: usize = 4;

/// A code as one SVG path in module units, one command per run of dark modules in a row:
/// about a quarter of the bytes of a square per module (the pages showing invite codes are
/// held to a weight budget), and sharp at any size, on a projector as on a phone.
fn compact_svg(width: usize, colors: &[qrcode::Color]) -> String {
    use std::fmt::Write as _;
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if row[x] != qrcode::Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < row.len() && row[x] == qrcode::Color::Dark {
                x += 1;
            }
            let _ = write!(path, "M{} {}h{}v1h-{}z", start + QUIET_ZONE, y + QUIET_ZONE, x - start, x - start);
        }
    }
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="180" height="180" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    )
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

    #[test]
    fn the_compact_drawing_has_exactly_the_code_dark_modules() {
        let url = "https://hakam.example/invite/AbCdEfGhIjKlMnOpQrStUvWx";
        let code = qrcode::QrCode::new(url.as_bytes()).unwrap();
        let (width, colors) = (code.width(), code.to_colors());
        let svg = super::qr_svg(url);
        // Read the path back: each "M x y h n v1 h-n z" darkens n modules of row y from x.
        let d = svg.split(" d=\"").nth(1).and_then(|r| r.split('"').next()).unwrap();
        let mut drawn = vec![false; width * width];
        for command in d.split('M').filter(|c| !c.is_empty()) {
            let (x, rest) = command.split_once(' ').unwrap();
            let (y, rest) = rest.split_once('h').unwrap();
            let n = rest.split('v').next().unwrap();
            let (x, y, n): (usize, usize, usize) = (x.parse().unwrap(), y.parse().unwrap(), n.parse().unwrap());
            for i in 0..n {
                let cell = (y - super::QUIET_ZONE) * width + x - super::QUIET_ZONE + i;
                assert!(!drawn[cell], "module drawn twice");
                drawn[cell] = true;
            }
        }
        let dark: Vec<bool> = colors.iter().map(|c| *c == qrcode::Color::Dark).collect();
        assert_eq!(drawn, dark);
        // Smaller than the square-per-module drawing of the same code.
        let squares = code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(180, 180).build();
        assert!(svg.len() * 2 < squares.len(), "{} vs {}", svg.len(), squares.len());
    }
}
