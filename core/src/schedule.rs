//! A provisioned stream that follows its daily pattern: the cheapest shard count for each hour of
//! the day that covers that hour's need, and obeys `UpdateShardCount`: at most 10 changes in any
//! 24 hours, each to at most double and at least half the current count. The needs come from
//! metrics (`metrics::daily_needs`) or a daily profile.

use serde::Serialize;

/// Changes of shard count `UpdateShardCount` allows in a rolling 24 hours.
pub const MAX_CHANGES_PER_DAY: usize = 10;

/// Above this many candidate counts the search keeps only the needs themselves (still exact for
/// the schedules it considers, and never dearer than one fixed count).
const MAX_CANDIDATES: usize = 48;

/// A shard count for each UTC hour of the day, repeated every day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Schedule {
    /// Shards held in each hour, 00 to 23 UTC.
    pub hours: [u64; 24],
    /// Changes of shard count a day (the change from 23:00 to 00:00 included).
    pub changes: usize,
    /// Shard-hours a day.
    pub shard_hours_per_day: u64,
}

impl Schedule {
    /// One count all day.
    pub fn fixed(shards: u64) -> Schedule {
        Schedule {
            hours: [shards; 24],
            changes: 0,
            shard_hours_per_day: shards.saturating_mul(24),
        }
    }
}

/// Whether `UpdateShardCount` can go from `from` to `to` shards in one call.
pub fn allowed(from: u64, to: u64) -> bool {
    to <= from.saturating_mul(2) && to.saturating_mul(2) >= from
}

/// The cheapest daily schedule covering `needs` (fewest shard-hours; among equals, fewest changes,
/// the lowest count at 00:00, lower counts late rather than early), hour by hour from each start.
pub fn cheapest(needs: &[u64; 24]) -> Schedule {
    let top = needs.iter().copied().max().unwrap_or(1);
    let mut best = Schedule::fixed(top);
    let candidates = candidates(needs);
    for &start in candidates.iter().filter(|c| **c >= needs[0]) {
        if let Some(s) = from_start(needs, &candidates, start) {
            if (s.shard_hours_per_day, s.changes) < (best.shard_hours_per_day, best.changes) {
                best = s;
            }
        }
    }
    best
}

/// The counts a cheapest schedule can use: each hour's need and the halvings that lead down from
/// it (the steps a change of more than double or half must pass through).
fn candidates(needs: &[u64; 24]) -> Vec<u64> {
    let mut all: Vec<u64> = Vec::new();
    for &n in needs {
        let mut v = n.max(1);
        loop {
            all.push(v);
            if v == 1 {
                break;
            }
            v = v.div_ceil(2);
        }
    }
    all.sort_unstable();
    all.dedup();
    if all.len() > MAX_CANDIDATES {
        let mut few: Vec<u64> = needs.to_vec();
        few.sort_unstable();
        few.dedup();
        return few;
    }
    all
}

/// The cheapest schedule that holds `start` shards at 00:00, or `None` when none obeys the rules.
fn from_start(needs: &[u64; 24], candidates: &[u64], start: u64) -> Option<Schedule> {
    const NONE: u64 = u64::MAX;
    let n = candidates.len();
    let c = MAX_CHANGES_PER_DAY + 1;
    // cost[i * c + k]: shard-hours so far ending on candidate i with k changes; `from` for the path.
    let mut cost = vec![NONE; n * c];
    let mut from: Vec<Vec<usize>> = vec![vec![usize::MAX; n * c]; 24];
    let s = candidates.iter().position(|v| *v == start)?;
    *cost.get_mut(s * c)? = start;
    for (hour, &need) in needs.iter().enumerate().skip(1) {
        let mut next = vec![NONE; n * c];
        for (i, &v) in candidates.iter().enumerate() {
            for k in 0..c {
                let here = *cost.get(i * c + k)?;
                if here == NONE {
                    continue;
                }
                for (j, &w) in candidates.iter().enumerate() {
                    if w < need || !allowed(v, w) {
                        continue;
                    }
                    let k2 = k + usize::from(w != v);
                    let slot = j * c + k2;
                    let total = here.saturating_add(w);
                    if k2 < c && total < *next.get(slot)? {
                        *next.get_mut(slot)? = total;
                        *from.get_mut(hour)?.get_mut(slot)? = i * c + k;
                    }
                }
            }
        }
        cost = next;
    }
    // Close the day: 23:00 back to 00:00 is a change too when the counts differ.
    let mut end = None;
    for (i, &v) in candidates.iter().enumerate() {
        for k in 0..c {
            let total = *cost.get(i * c + k)?;
            let wrap = usize::from(v != start);
            if total == NONE || k + wrap >= c || !allowed(v, start) {
                continue;
            }
            if end.is_none_or(|(t, changes, _)| (total, k + wrap) < (t, changes)) {
                end = Some((total, k + wrap, i * c + k));
            }
        }
    }
    let (total, changes, mut slot) = end?;
    let mut hours = [0u64; 24];
    for hour in (1..24).rev() {
        *hours.get_mut(hour)? = *candidates.get(slot / c)?;
        slot = *from.get(hour)?.get(slot)?;
    }
    hours[0] = *candidates.get(slot / c)?;
    Some(Schedule {
        hours,
        changes,
        shard_hours_per_day: total,
    })
}
