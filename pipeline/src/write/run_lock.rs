//! One writing run at a time per folder: `gen` holds an advisory lock on
//! `--out` and on each folder of spec locks from before it reads the
//! locks until its last rename, so two runs into one `--out`, or over one
//! spec, take turns instead of mixing their files.
//!
//! The lock is an empty file, `.errcat.lock`, in the folder. On Unix it is
//! removed before it is released, and a run that wins a lock checks the
//! file is still the one at that path (a run that waited on a removed one
//! tries again): nothing is left behind. Elsewhere the empty file stays.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Error, with_path};

/// The lock file's name in a locked folder.
pub const LOCK_FILE: &str = ".errcat.lock";

/// How long a run waits for another to finish: a run takes seconds (a
/// 100,000-code catalogue about ten), so only a stuck one outlasts this,
/// and a CI job then fails with a message instead of hanging.
pub const WAIT: Duration = Duration::from_secs(120);

/// How often a waiting run tries again.
const POLL: Duration = Duration::from_millis(20);

/// An advisory lock on a folder, held until dropped.
#[derive(Debug)]
pub struct RunLock {
    file: File,
    path: PathBuf,
    /// The folders made to hold the lock, deepest first: removed again if
    /// the run left them empty.
    made: Vec<PathBuf>,
}

impl RunLock {
    /// Locks `folder` (made if missing), waiting at most `wait` for
    /// another run to finish.
    pub fn acquire(folder: &Path, wait: Duration) -> Result<RunLock, Error> {
        let made: Vec<PathBuf> = folder
            .ancestors()
            .take_while(|dir| !dir.as_os_str().is_empty() && !dir.exists())
            .map(Path::to_path_buf)
            .collect();
        fs::create_dir_all(folder).map_err(|e| Error::Io(with_path(e, folder)))?;
        let path = folder.join(LOCK_FILE);
        let start = Instant::now();
        loop {
            let open = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path);
            let mut file = open.map_err(|e| Error::Io(with_path(e, &path)))?;
            match file.try_lock() {
                Ok(()) if is_at(&file, &path) => {
                    // Who holds it, for a run that gives up waiting.
                    let _ = file.set_len(0).and_then(|()| writeln!(file, "{}", std::process::id()));
                    return Ok(RunLock { file, path, made });
                }
                // Removed by the run that held it, as that run ended: try the new one.
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < wait => std::thread::sleep(POLL),
                Err(fs::TryLockError::WouldBlock) => {
                    let holder = fs::read_to_string(&path).ok().and_then(|text| text.trim().parse().ok());
                    return Err(Error::Busy { folder: folder.to_path_buf(), holder, waited: wait });
                }
                Err(fs::TryLockError::Error(e)) => return Err(Error::Io(with_path(e, &path))),
            }
        }
    }
}

impl Drop for RunLock {
    /// The file goes before the lock does, so no later run locks a file
    /// that is about to disappear; then the folder, if it was made empty.
    fn drop(&mut self) {
        if cfg!(unix) {
            let _ = fs::remove_file(&self.path);
            // Stops at the first that is not empty: the run wrote into it.
            let _ = self.made.iter().try_for_each(fs::remove_dir);
        }
        let _ = self.file.unlock();
    }
}

/// Whether `path` still names the open `file`.
#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => (open.dev(), open.ino()) == (named.dev(), named.ino()),
        _ => false,
    }
}

/// Elsewhere the file is never removed, so it is always the one.
#[cfg(not(unix))]
fn is_at(_: &File, _: &Path) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_then_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let held = RunLock::acquire(dir.path(), WAIT).unwrap();
        let started = Instant::now();
        let error = RunLock::acquire(dir.path(), Duration::from_millis(200)).unwrap_err();
        assert!(started.elapsed() >= Duration::from_millis(200));
        let message = error.to_string();
        assert!(message.contains(&format!("process {}", std::process::id())), "{message}");
        drop(held);
        if cfg!(unix) {
            assert!(!dir.path().join(LOCK_FILE).exists(), "nothing is left behind");
        }
        let again = RunLock::acquire(dir.path(), Duration::ZERO).expect("free once dropped");
        drop(again);
    }

    #[test]
    fn a_folder_made_for_the_lock_goes_with_it_when_empty() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new/out");
        drop(RunLock::acquire(&out, WAIT).unwrap());
        if cfg!(unix) {
            assert!(!dir.path().join("new").exists());
        }
    }
}
