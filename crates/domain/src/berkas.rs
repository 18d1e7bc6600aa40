//! Uploaded files: what an employee may upload as a personnel document.
//! The type is read from the content, never from the name or the browser's
//! claim, so a renamed executable is refused; the size limit is the
//! server's configuration (`talenta serve --upload-max-bytes`).

/// The file types accepted for personnel documents (scans and PDFs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mime {
    Pdf,
    Jpeg,
    Png,
}

impl Mime {
    pub const ALL: [Mime; 3] = [Mime::Pdf, Mime::Jpeg, Mime::Png];

    /// The media type, as stored and served.
    pub fn essence(self) -> &'static str {
        match self {
            Mime::Pdf => "application/pdf",
            Mime::Jpeg => "image/jpeg",
            Mime::Png => "image/png",
        }
    }

    /// The file signature the content must start with (ISO 32000 `%PDF-`,
    /// JPEG SOI marker, PNG signature).
    fn magic(self) -> &'static [u8] {
        match self {
            Mime::Pdf => b"%PDF-",
            Mime::Jpeg => b"\xFF\xD8\xFF",
            Mime::Png => b"\x89PNG\r\n\x1a\n",
        }
    }

    /// The type a stored media type names.
    pub fn from_essence(essence: &str) -> Option<Mime> {
        Mime::ALL.into_iter().find(|m| m.essence() == essence)
    }

    /// The type of `content`, by its signature.
    pub fn sniff(content: &[u8]) -> Option<Mime> {
        Mime::ALL
            .into_iter()
            .find(|m| content.starts_with(m.magic()))
    }
}

display_as!(Mime, essence);

/// Why an upload is refused; the messages are shown to the uploader.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BerkasError {
    #[error("berkas kosong")]
    Empty,
    #[error("berkas {size} byte melebihi batas {max} byte")]
    TooLarge { size: usize, max: usize },
    #[error("isi berkas bukan PDF, JPEG atau PNG")]
    UnknownType,
}

/// Checks an upload: not empty, within `max_bytes`, and a PDF, JPEG or PNG
/// by content.
pub fn check(content: &[u8], max_bytes: u32) -> Result<Mime, BerkasError> {
    let max = usize::try_from(max_bytes).unwrap_or(usize::MAX);
    if content.is_empty() {
        return Err(BerkasError::Empty);
    }
    if content.len() > max {
        return Err(BerkasError::TooLarge {
            size: content.len(),
            max,
        });
    }
    Mime::sniff(content).ok_or(BerkasError::UnknownType)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_from_the_content() {
        assert_eq!(check(b"%PDF-1.7\n...", 100), Ok(Mime::Pdf));
        assert_eq!(check(b"\xFF\xD8\xFF\xE0\0\x10JFIF", 100), Ok(Mime::Jpeg));
        assert_eq!(check(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 100), Ok(Mime::Png));
        // A script named surat.pdf, an HTML page, a ZIP: refused.
        assert_eq!(
            check(b"#!/bin/sh\nrm -rf /", 100),
            Err(BerkasError::UnknownType)
        );
        assert_eq!(check(b"<html><script>", 100), Err(BerkasError::UnknownType));
        assert_eq!(check(b"PK\x03\x04", 100), Err(BerkasError::UnknownType));
        // A truncated signature is not the type.
        assert_eq!(check(b"%PDF", 100), Err(BerkasError::UnknownType));
    }

    #[test]
    fn empty_and_oversized_files_are_refused() {
        assert_eq!(check(b"", 100), Err(BerkasError::Empty));
        let big = [b"%PDF-".as_slice(), &[b' '; 96]].concat();
        assert_eq!(check(&big[..100], 100), Ok(Mime::Pdf));
        assert_eq!(
            check(&big, 100),
            Err(BerkasError::TooLarge {
                size: 101,
                max: 100
            })
        );
        assert_eq!(
            check(&big, 100).unwrap_err().to_string(),
            "berkas 101 byte melebihi batas 100 byte"
        );
    }

    #[test]
    fn stored_types_read_back() {
        for mime in Mime::ALL {
            assert_eq!(Mime::from_essence(mime.essence()), Some(mime));
        }
        assert_eq!(Mime::from_essence("text/html"), None);
    }
}
