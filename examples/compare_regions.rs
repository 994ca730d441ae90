//! One workload in every region kcost has provisioned prices for, cheapest first, each with how
//! sure its prices are.
//!
//!     cargo run -p kcost-pricing --example compare_regions

use kcost_core::{provisioned, Confidence, Options, StreamWorkload};
use kcost_pricing::Catalog;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let catalog = Catalog::embedded();
    // The seed deck's stream: 100 records/s of 100 KB, ten consumer applications.
    let workload = StreamWorkload {
        consumers: Some(10),
        ..StreamWorkload::new("100/s".parse()?, "100".parse()?)
    };
    let mut rows = Vec::new();
    for code in catalog.book().regions.keys() {
        match provisioned::estimate(&workload, Some(code), catalog.book(), Options::default()) {
            Ok(e) => {
                let sure = e
                    .lines
                    .iter()
                    .all(|l| l.price.confidence == Confidence::Confirmed);
                rows.push((
                    e.monthly_usd,
                    code.clone(),
                    if sure {
                        "confirmed"
                    } else {
                        "not all confirmed"
                    },
                ));
            }
            Err(err) => println!("{code:<15} not priced: {err}"),
        }
    }
    rows.sort();
    for (usd, code, sure) in rows {
        println!("{code:<15} {:>10} USD a month ({sure})", usd.to_text(true));
    }
    Ok(())
}
