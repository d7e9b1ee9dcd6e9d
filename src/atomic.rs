//! Writing a file so that no reader ever sees it half-written and nothing but its content changes: a
//! temporary file beside the target, flushed to disk and renamed over it. A symbolic link is followed (the
//! file it points to is replaced, the link kept), an existing file keeps its permissions, and a path that is
//! not a regular file (`/dev/null`, a pipe, a terminal) is written in place, never replaced by a file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes what `write` produces to `path` as the module says. On error the temporary file is removed and
/// the target is as it was.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target: PathBuf = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    let existing = std::fs::metadata(&target).ok();
    if let Some(m) = &existing {
        if m.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("{} is a directory", path.display()),
            ));
        }
        if !m.is_file() {
            let file = std::fs::OpenOptions::new().write(true).open(&target)?;
            let mut w = io::BufWriter::new(file);
            write(&mut w)?;
            return w.flush();
        }
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut w = io::BufWriter::new(tmp.as_file_mut());
        write(&mut w)?;
        w.flush()?;
    }
    // Temporary files are created private; a new file is an ordinary one for its readers, and a replaced
    // one keeps the permissions it had.
    let permissions = match &existing {
        Some(m) => m.permissions(),
        #[cfg(unix)]
        None => std::os::unix::fs::PermissionsExt::from_mode(0o644),
        #[cfg(not(unix))]
        None => tmp.as_file().metadata()?.permissions(),
    };
    tmp.as_file().set_permissions(permissions)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    // The rename itself is durable once the directory is.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        d.sync_all().ok();
    }
    Ok(())
}
