//! The average record rate at which provisioned and on-demand Standard swap places, for a record
//! size and a peak-to-average ratio (steady traffic usually has none: provisioned stays cheaper).
//!
//!     cargo run -p kcost-pricing --example break_even -- 1 50
//!     (1 KB records, peaks 50 times the average)

use kcost_core::{break_even, Options, Per, Rate, StreamWorkload};
use kcost_pricing::Catalog;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let size_kb: f64 = args.next().map_or(Ok(1.0), |a| a.parse())?;
    let peak_ratio: f64 = args.next().map_or(Ok(50.0), |a| a.parse())?;
    let catalog = Catalog::embedded();
    let region = catalog.book().region("us-east-1")?;
    let workload = StreamWorkload {
        peak_records: Some(Rate::new(peak_ratio, Per::Second)?),
        ..StreamWorkload::new(
            Rate::new(1.0, Per::Second)?,
            kcost_core::RecordSize::from_kb(size_kb)?,
        )
    };
    match break_even(&workload, region, Options::default())? {
        Some(rate) => println!(
            "{size_kb} KB records peaking at {peak_ratio}x the average: provisioned and on-demand swap places at {rate} records/s"
        ),
        None => println!("{size_kb} KB records peaking at {peak_ratio}x: the same mode is cheaper at every rate from 0.01 to 10,000,000 records/s"),
    }
    Ok(())
}
