//! Every `$ kcost ...` example in README.md runs, and every line of output the README shows for it
//! is in the real output, in the same order (`...` stands for lines left out). This keeps the
//! README's figures true as kcost changes.

mod common;
use common::kcost;

/// A command from the README and the lines it is shown to print.
struct Example {
    args: Vec<String>,
    shown: Vec<String>,
}

fn examples(readme: &str) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    let mut in_console = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_console = line == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            // Pipes into other tools (jq) are left to the reader.
            if let (Some(rest), false) = (command.strip_prefix("kcost "), command.contains('|')) {
                out.push(Example {
                    args: rest.split_whitespace().map(String::from).collect(),
                    shown: Vec::new(),
                });
                continue;
            }
            out.push(Example {
                args: Vec::new(),
                shown: Vec::new(),
            });
            continue;
        }
        if let Some(example) = out.last_mut() {
            example.shown.push(line.to_string());
        }
    }
    out.retain(|e| !e.args.is_empty());
    out
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let readme = include_str!("../../README.md");
    let examples = examples(readme);
    assert!(
        examples.len() >= 10,
        "found only {} examples",
        examples.len()
    );
    for example in examples {
        let args: Vec<&str> = example.args.iter().map(String::as_str).collect();
        // README commands run from the repository root.
        // The README's output is what a user sees today: the date is not pinned.
        let output = kcost(&args)
            .env_remove("KCOST_TODAY")
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let mut rest = text.as_str();
        for line in example.shown.iter().filter(|l| l.as_str() != "...") {
            // An elided error message keeps its own `...` inside the line.
            let found = match line.split_once(" ... ") {
                None => rest.find(line.as_str()).map(|at| at + line.len()),
                Some((head, tail)) => rest
                    .find(head)
                    .and_then(|at| rest[at..].find(tail).map(|t| at + t + tail.len())),
            };
            match found {
                Some(end) => rest = &rest[end..],
                None => panic!(
                    "kcost {}: README shows\n{line}\nbut kcost printed\n{text}",
                    example.args.join(" ")
                ),
            }
        }
    }
}
