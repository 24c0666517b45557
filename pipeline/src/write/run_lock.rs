//! One writing run at a time per folder: `gen` holds an advisory lock on
//! `--out` and on each folder of spec locks from before it reads the
//! locks until its last rename, so two runs into one `--out`, or over one
//! spec, take turns instead of mixing their files.
//!
//! The lock is a file, `.errcat.lock`, in the folder, holding the id of
//! the process that has it. On Unix it is removed before it is released,
//! and a run that wins a lock checks the file is still the one at that
//! path (a run that waited on a removed one tries again): nothing is left
//! behind. Elsewhere the file stays.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Error, resolve, with_path};

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
    /// Locks each of `folders` once, in the order of their resolved paths:
    /// two names for one folder (`.` and the spec's own folder) would
    /// otherwise wait on each other, and two runs locking the same folders
    /// in opposite orders would wait on each other until [`WAIT`] ends.
    pub fn acquire_all(folders: &[&Path], wait: Duration) -> Result<Vec<RunLock>, Error> {
        let mut resolved = std::collections::BTreeMap::new();
        for &folder in folders {
            let key = resolve(folder).map_err(|e| Error::Io(with_path(e, folder)))?;
            resolved.entry(key).or_insert(folder);
        }
        resolved.into_values().map(|folder| RunLock::acquire(folder, wait)).collect()
    }

    /// Locks `folder` (made if missing), waiting at most `wait` for
    /// another run to finish.
    pub fn acquire(folder: &Path, wait: Duration) -> Result<RunLock, Error> {
        let path = folder.join(LOCK_FILE);
        let start = Instant::now();
        loop {
            // Again after a wait: the run that held the lock may have removed the folder it made.
            let made: Vec<PathBuf> = folder
                .ancestors()
                .take_while(|dir| !dir.as_os_str().is_empty() && !dir.exists())
                .map(Path::to_path_buf)
                .collect();
            fs::create_dir_all(folder).map_err(|e| Error::Io(with_path(e, folder)))?;
            // Opened through a link, the file made or emptied would be the
            // link's target, anywhere: a lock is a real file in the folder.
            if fs::symlink_metadata(&path).is_ok_and(|meta| meta.file_type().is_symlink()) {
                return Err(Error::Symlinks(vec![path]));
            }
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

/// Whether `path` still names the open `file`, itself and not by a link.
#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
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
    fn a_run_waiting_on_a_folder_its_holder_made_and_removed_makes_it_again() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new");
        let held = RunLock::acquire(&out, WAIT).unwrap();
        std::thread::scope(|scope| {
            let waiting = scope.spawn(|| RunLock::acquire(&out, WAIT));
            // Long enough for the waiting run to have opened the file.
            std::thread::sleep(Duration::from_millis(200));
            drop(held);
            drop(waiting.join().unwrap().expect("the folder is made again"));
        });
        if cfg!(unix) {
            assert!(!out.exists(), "and removed again by the run that made it");
        }
    }

    #[test]
    fn two_names_for_one_folder_take_one_lock() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("spec/..");
        let held = RunLock::acquire_all(&[dir.path(), &other], Duration::ZERO).expect("not its own holder");
        assert_eq!(held.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_lock_s_place_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious");
        fs::write(&target, "keep me\n").unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        std::os::unix::fs::symlink(&target, out.join(LOCK_FILE)).unwrap();
        let error = RunLock::acquire(&out, Duration::ZERO).unwrap_err();
        assert!(matches!(&error, Error::Symlinks(paths) if paths == &[out.join(LOCK_FILE)]), "{error}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep me\n");
        // A dangling link makes no file where it points either.
        fs::remove_file(&target).unwrap();
        RunLock::acquire(&out, Duration::ZERO).unwrap_err();
        assert!(!target.exists());
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
