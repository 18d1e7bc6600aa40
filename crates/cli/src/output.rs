//! Where a command writes its result: standard output, or a file that
//! appears only when complete. A file is written beside its destination
//! under a temporary name and renamed over it at [`Output::finish`], so a
//! failure half-way (a value too long for a workbook, a full disk, a
//! database error) leaves an existing file as it was and no partial one.
//! A device or a pipe (`--out /dev/null`, a FIFO) is written in place:
//! renaming a file over it would replace the device itself (as root,
//! `/dev/null` became a regular file that every later reader read).

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use tempfile::NamedTempFile;

pub enum Output {
    Stdout(BufWriter<StdoutLock<'static>>),
    File {
        temp: BufWriter<NamedTempFile>,
        path: PathBuf,
    },
    Special(BufWriter<File>),
}

impl Output {
    /// Standard output, a device or pipe at `path` as it is, or a
    /// temporary file beside `path`.
    pub fn to(path: Option<&Path>) -> anyhow::Result<Output> {
        let Some(path) = path else {
            return Ok(Output::Stdout(BufWriter::new(io::stdout().lock())));
        };
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("opening {}", path.display()))?;
            return Ok(Output::Special(BufWriter::new(file)));
        }
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".talenta-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(|| format!("creating {}", path.display()))?;
        Ok(Output::File {
            temp: BufWriter::new(temp),
            path: path.to_owned(),
        })
    }

    /// Flushes everything and, for a file, puts it in place of `path`.
    /// Dropped without it, the temporary file is removed.
    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            Output::Stdout(mut out) => Ok(out.flush()?),
            Output::Special(mut out) => Ok(out.flush()?),
            Output::File { temp, path } => {
                let temp = temp
                    .into_inner()
                    .map_err(io::IntoInnerError::into_error)
                    .with_context(|| format!("writing {}", path.display()))?;
                temp.as_file()
                    .sync_all()
                    .with_context(|| format!("writing {}", path.display()))?;
                let file: File = temp
                    .persist(&path)
                    .with_context(|| format!("writing {}", path.display()))?;
                drop(file);
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::Special(out) => out.write(buf),
            Output::File { temp, .. } => temp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::Special(out) => out.flush(),
            Output::File { temp, .. } => temp.flush(),
        }
    }
}
