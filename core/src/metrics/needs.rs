//! The shards each hour of the day needed, from metrics, for [`crate::schedule::cheapest`].

use super::TrafficSeries;

/// The shards each hour of the day needs: the largest need of the periods in that hour on any day,
/// at `target_utilization` percent, whole, at least 1. An hour of the day with no data at all is
/// held at the largest need of the others (nothing is known of it).
pub fn daily_needs(traffic: &TrafficSeries, target_utilization: f64) -> [u64; 24] {
    let mut seen = [false; 24];
    for p in &traffic.points {
        if let Some(slot) = seen.get_mut(hour_of(p.t)) {
            *slot = true;
        }
    }
    let mut needs = hourly(traffic, target_utilization);
    let top = needs.iter().copied().max().unwrap_or(1);
    for (need, known) in needs.iter_mut().zip(seen) {
        if !known {
            *need = top;
        }
    }
    needs
}

/// Hours of the day (UTC) with no point at all.
pub fn hours_without_data(traffic: &TrafficSeries) -> usize {
    let mut seen = [false; 24];
    for p in &traffic.points {
        if let Some(slot) = seen.get_mut(hour_of(p.t)) {
            *slot = true;
        }
    }
    seen.iter().filter(|s| !**s).count()
}

fn hour_of(t: i64) -> usize {
    usize::try_from(t.rem_euclid(86_400) / 3600).unwrap_or(0)
}

fn hourly(traffic: &TrafficSeries, target_utilization: f64) -> [u64; 24] {
    let mut needs = [1u64; 24];
    let period = traffic.period_s as f64;
    for p in &traffic.points {
        let hour = hour_of(p.t);
        let need = super::period_need(p, period) / (target_utilization / 100.0);
        let whole = crate::calc::fixed::round(need, 9)
            .unwrap_or(need)
            .ceil()
            .max(1.0);
        if let Some(slot) = needs.get_mut(hour) {
            // A count below 1e18 for any real stream.
            *slot = (*slot).max(whole.min(1e15) as u64);
        }
    }
    needs
}
