//! A check run over many files: the edge where files are read. Files are
//! linted in parallel on all cores (rayon), taken in path order, and handed
//! back in that order as soon as each and those before it are done, so output
//! streams and stays deterministic. The worker that completes the next file
//! in order hands it (and any that were waiting for it) to the caller, under
//! a lock: no thread sits waiting for results, and none is woken for each
//! file.

use crate::config::{Config, Selection};
use crate::finding::Finding;
use crate::input::{load, InputError, Source};
use crate::rules::RuleSet;
use encoding_rs::Encoding;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, PoisonError, TryLockError};
use std::time::{Duration, Instant};

/// What to lint: files, or a text read from standard input.
pub enum Target {
    File(PathBuf),
    Stdin(Source),
    /// A path that could not even be listed.
    Failed(InputError),
}

/// The outcome for one file, or for one piece of a large one.
pub struct FileResult {
    pub path: String,
    pub source: Option<Arc<Source>>,
    pub findings: Vec<Finding>,
    pub error: Option<String>,
    /// Whether this is the file's last piece (a file is usually one piece).
    pub last: bool,
}

impl FileResult {
    fn failed(path: String, error: String) -> FileResult {
        FileResult {
            path,
            source: None,
            findings: Vec::new(),
            error: Some(error),
            last: true,
        }
    }
}

/// Settings shared by every file of a run.
pub struct Run<'a> {
    pub rules: &'a RuleSet,
    pub config: &'a Config,
    /// The selection after the configuration and the command line.
    pub selection: &'a Selection,
    pub encoding: Option<&'static Encoding>,
}

/// A piece of the results: (file, piece, pieces of the file, result).
type Piece = (usize, usize, usize, FileResult);

impl Run<'_> {
    /// Lints target `i` with `base` (the rules selected for a file no
    /// override applies to), handing its pieces to `emit`.
    fn lint(&self, i: usize, target: Target, base: &RuleSet, emit: &(dyn Fn(Piece) + Sync)) {
        let source = match target {
            Target::Stdin(s) => s,
            Target::Failed(e) => {
                emit((i, 0, 1, FileResult::failed(String::new(), e.to_string())));
                return;
            }
            Target::File(path) => match load(&path, self.encoding) {
                Ok(s) => s,
                Err(e) => {
                    let failed = FileResult::failed(path.display().to_string(), e.to_string());
                    emit((i, 0, 1, failed));
                    return;
                }
            },
        };
        let selection = self
            .config
            .selection_for(std::path::Path::new(&source.path), self.selection);
        let overridden = selection.as_ref().map(|s| s.apply(self.rules));
        let rules = overridden.as_ref().unwrap_or(base);
        let unused = selection
            .as_ref()
            .unwrap_or(self.selection)
            .unused(self.rules);
        let source = Arc::new(source);
        crate::lint::lint_source_pieces_with(&source, rules, &unused, |k, n, findings| {
            let piece = FileResult {
                path: source.path.clone(),
                source: Some(Arc::clone(&source)),
                findings,
                error: None,
                last: k + 1 == n,
            };
            emit((i, k, n, piece));
        });
    }

    /// Lints every target, calling `each` with the results in target order
    /// (and the pieces of a large file in text order). `each` runs on the
    /// worker threads, one call at a time.
    pub fn each(&self, targets: Vec<Target>, each: impl FnMut(FileResult) + Send) {
        let handover = Handover::new(each);
        let base = self.selection.apply(self.rules);
        // Workers take the targets in order, one at a time, so they finish
        // nearly in order: results are handed over as the run goes, not held.
        // (Split into halves, as a parallel iterator over a vector is, the
        // second half's results waited for the whole first half: on 2000
        // files they were held, 19 MiB more at the peak, and written out at
        // the end by one worker while the other had nothing left to do.)
        targets
            .into_iter()
            .enumerate()
            .par_bridge()
            .for_each(|(i, t)| self.lint(i, t, &base, &|piece| handover.emit(piece)));
    }
}

/// Hands pieces over in order from many threads. A worker that finishes a
/// piece leaves it with the others that have arrived; whoever holds the
/// order then hands over all that are due. A worker that finds the order held
/// goes back to linting at once: the holder looks again for pieces that came
/// while it held it, before it lets go for good. (Rendering a file's findings
/// in the human format costs about as much as linting it: two workers
/// waiting in turn on one lock lost a tenth of their time.)
struct Handover<F> {
    order: Mutex<InOrder<F>>,
    arrived: Mutex<Vec<Piece>>,
    held: Arc<Held>,
}

/// At most this many pieces, or findings in them, wait for those before
/// them (beside the one each worker holds). Without a bound, the workers
/// on later files ran on while an earlier large file was still being
/// checked or written, and all their findings waited: four large files at
/// once peaked at 1 GiB.
const MAX_WAITING: (usize, usize) = (64, 20_000);

/// What waits, and the next piece in order, shared with the workers.
struct Held {
    state: Mutex<HeldState>,
    moved: Condvar,
    /// [`MAX_WAITING`], but for tests.
    bound: (usize, usize),
}

struct HeldState {
    pieces: usize,
    findings: usize,
    next: (usize, usize),
}

impl Held {
    fn new(bound: (usize, usize)) -> Held {
        Held {
            state: Mutex::new(HeldState {
                pieces: 0,
                findings: 0,
                next: (0, 0),
            }),
            moved: Condvar::new(),
            bound,
        }
    }

    /// Waits until a piece of `findings` findings at `at` may wait with the
    /// others: there is room, or it is the next in order, which never waits.
    /// The piece due is always being checked by a running worker, so the
    /// room comes; should it not, a second with nothing handed over ends
    /// the wait (memory over the bound rather than a stalled run).
    fn admit(&self, at: (usize, usize), findings: usize) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let mut seen = (state.next, Instant::now());
        while state.pieces > 0
            && at != state.next
            && (state.pieces >= self.bound.0 || state.findings + findings > self.bound.1)
        {
            state = self
                .moved
                .wait_timeout(state, Duration::from_millis(100))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
            if state.next != seen.0 {
                seen = (state.next, Instant::now());
            } else if seen.1.elapsed() > Duration::from_secs(1) {
                break;
            }
        }
        state.pieces += 1;
        state.findings += findings;
    }

    /// A piece of `findings` findings was handed over; `next` is due.
    fn handed(&self, findings: usize, next: (usize, usize)) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.pieces = state.pieces.saturating_sub(1);
        state.findings = state.findings.saturating_sub(findings);
        state.next = next;
        self.moved.notify_all();
    }
}

impl<F: FnMut(FileResult)> Handover<F> {
    fn new(each: F) -> Handover<F> {
        Handover::bounded(each, MAX_WAITING)
    }

    fn bounded(each: F, bound: (usize, usize)) -> Handover<F> {
        let held = Arc::new(Held::new(bound));
        Handover {
            order: Mutex::new(InOrder {
                next: (0, 0),
                waiting: BTreeMap::new(),
                each,
                held: Arc::clone(&held),
            }),
            arrived: Mutex::new(Vec::new()),
            held,
        }
    }

    fn emit(&self, piece: Piece) {
        self.held.admit((piece.0, piece.1), piece.3.findings.len());
        let arrived = || self.arrived.lock().unwrap_or_else(PoisonError::into_inner);
        arrived().push(piece);
        loop {
            let mut order = match self.order.try_lock() {
                Ok(order) => order,
                Err(TryLockError::Poisoned(p)) => p.into_inner(),
                // The holder will find this piece.
                Err(TryLockError::WouldBlock) => return,
            };
            loop {
                let batch = std::mem::take(&mut *arrived());
                if batch.is_empty() {
                    break;
                }
                for (i, k, n, r) in batch {
                    order.hand((i, k), n, r);
                }
            }
            drop(order);
            // A piece that came after the last look, from a worker that found
            // the order held, would otherwise wait for the next one.
            if arrived().is_empty() {
                return;
            }
        }
    }
}

/// Results waiting for those before them.
struct InOrder<F> {
    /// The (target, piece) to hand over next.
    next: (usize, usize),
    waiting: BTreeMap<(usize, usize), (usize, FileResult)>,
    each: F,
    held: Arc<Held>,
}

impl<F: FnMut(FileResult)> InOrder<F> {
    /// Takes piece `at` of `n`, and hands over every piece now in order.
    fn hand(&mut self, at: (usize, usize), n: usize, r: FileResult) {
        if at != self.next {
            self.waiting.insert(at, (n, r));
            return;
        }
        let (mut n, mut r) = (n, r);
        loop {
            let findings = r.findings.len();
            (self.each)(r);
            self.next = if self.next.1 + 1 == n {
                (self.next.0 + 1, 0)
            } else {
                (self.next.0, self.next.1 + 1)
            };
            self.held.handed(findings, self.next);
            match self.waiting.remove(&self.next) {
                Some(w) => (n, r) = w,
                None => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(path: String) -> FileResult {
        FileResult::failed(path, String::new())
    }

    /// Whatever order pieces finish in, they are handed over in target
    /// order, a file's pieces in text order, each once.
    #[test]
    fn pieces_are_handed_over_in_order() {
        // Target 0: one piece; target 1: three; target 2: one; target 3: two.
        let pieces = [
            (0, 0, 1),
            (1, 0, 3),
            (1, 1, 3),
            (1, 2, 3),
            (2, 0, 1),
            (3, 0, 2),
            (3, 1, 2),
        ];
        let expected: Vec<String> = pieces.iter().map(|(i, k, _)| format!("{i}.{k}")).collect();
        // Every rotation and its reverse, and a few interleavings.
        let mut orders: Vec<Vec<usize>> = Vec::new();
        for r in 0..pieces.len() {
            let rotated: Vec<usize> = (0..pieces.len()).map(|j| (j + r) % pieces.len()).collect();
            orders.push(rotated.iter().rev().copied().collect());
            orders.push(rotated);
        }
        orders.push(vec![6, 0, 5, 1, 4, 2, 3]);
        orders.push(vec![3, 2, 1, 6, 5, 4, 0]);
        for order in orders {
            let mut seen = Vec::new();
            let mut o = InOrder {
                next: (0, 0),
                waiting: BTreeMap::new(),
                each: |r: FileResult| seen.push(r.path),
                held: Arc::new(Held::new(MAX_WAITING)),
            };
            for &j in &order {
                let (i, k, n) = pieces[j];
                o.hand((i, k), n, result(format!("{i}.{k}")));
            }
            assert!(o.waiting.is_empty(), "left waiting after {order:?}");
            drop(o);
            assert_eq!(seen, expected, "arrival order {order:?}");
        }
    }

    /// Pieces finished on many threads at once, in any order, are handed
    /// over in order, each once, and none is left behind.
    #[test]
    fn pieces_from_many_threads_are_handed_over_in_order() {
        // 60 targets of 1 to 3 pieces.
        let pieces: Vec<(usize, usize, usize)> = (0..60)
            .flat_map(|i| {
                let n = 1 + i % 3;
                (0..n).map(move |k| (i, k, n))
            })
            .collect();
        let expected: Vec<String> = pieces.iter().map(|(i, k, _)| format!("{i}.{k}")).collect();
        for round in 0..50u64 {
            let mut seen = Vec::new();
            {
                // Handing over takes a while (as rendering does), so pieces
                // arrive while the order is held.
                // (Taken in no order, as no run takes them, the pieces are
                // not bounded: the piece due may not be taken by anyone.)
                let handover = Handover::bounded(
                    |r: FileResult| {
                        std::thread::sleep(std::time::Duration::from_micros(20));
                        seen.push(r.path);
                    },
                    (usize::MAX, usize::MAX),
                );
                let next = std::sync::atomic::AtomicUsize::new(0);
                // Each thread takes the pieces in a scrambled order.
                let order: Vec<usize> = {
                    let mut o: Vec<usize> = (0..pieces.len()).collect();
                    let mut state = round.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
                    for j in (1..o.len()).rev() {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        o.swap(j, (state % (j as u64 + 1)) as usize);
                    }
                    o
                };
                std::thread::scope(|scope| {
                    for _ in 0..4 {
                        scope.spawn(|| loop {
                            let j = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(&p) = order.get(j) else { break };
                            let (i, k, n) = pieces[p];
                            handover.emit((i, k, n, result(format!("{i}.{k}"))));
                        });
                    }
                });
            }
            assert_eq!(seen, expected, "round {round}");
        }
    }

    /// Workers that take the pieces in order and finish them out of order
    /// (the first slow) wait rather than pile up: no more pieces wait than
    /// the bound and one for each worker; all are handed over, in order.
    #[test]
    fn waiting_pieces_are_bounded() {
        let pieces: Vec<(usize, usize, usize)> = (0..200).map(|i| (i, 0, 1)).collect();
        let mut seen = Vec::new();
        let most = std::sync::atomic::AtomicUsize::new(0);
        {
            let handover = Handover::bounded(|r: FileResult| seen.push(r.path), (8, usize::MAX));
            let next = std::sync::atomic::AtomicUsize::new(0);
            std::thread::scope(|scope| {
                for _ in 0..4 {
                    scope.spawn(|| loop {
                        let j = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        let Some(&(i, k, n)) = pieces.get(j) else {
                            break;
                        };
                        if j == 0 {
                            std::thread::sleep(std::time::Duration::from_millis(200));
                        }
                        handover.emit((i, k, n, result(format!("{i}.{k}"))));
                        let held = handover.held.state.lock().unwrap().pieces;
                        most.fetch_max(held, std::sync::atomic::Ordering::SeqCst);
                    });
                }
            });
        }
        let expected: Vec<String> = pieces.iter().map(|(i, k, _)| format!("{i}.{k}")).collect();
        assert_eq!(seen, expected);
        let most = most.into_inner();
        assert!(most <= 8 + 4, "{most} pieces waited");
    }
}
