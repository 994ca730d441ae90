//! The page's entry point: `web/build.sh` bundles this into `web/dist/`.

fn main() {
    kcost_web::start();
}
