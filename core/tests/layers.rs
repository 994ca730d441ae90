//! The core's modules import each other in one direction only: no module reaches, through any
//! chain of imports, back to itself. (A bill, its notes and the default region are neutral
//! pieces every service uses; no service reaches into another for them.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of `core/src` and the modules its non-test code names as `crate::x`.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let module = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" || module == "testing" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let deps = graph.entry(module.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name != module && !name.is_empty() {
                deps.insert(name);
            }
        }
    }
    graph
}

#[test]
fn no_module_imports_itself_back() {
    let graph = imports();
    assert!(graph.contains_key("bill") && graph.contains_key("streams"));
    for start in graph.keys() {
        // Depth-first from each module's imports; reaching the start again is a circle.
        let mut stack: Vec<(String, Vec<String>)> = graph[start]
            .iter()
            .map(|d| (d.clone(), vec![start.clone(), d.clone()]))
            .collect();
        let mut seen = BTreeSet::new();
        while let Some((module, path)) = stack.pop() {
            assert_ne!(&module, start, "a circle of imports: {}", path.join(" -> "));
            if !seen.insert(module.clone()) {
                continue;
            }
            for next in graph.get(&module).into_iter().flatten() {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
}

/// Every Rust file under `core/src`, with its text.
fn sources() -> Vec<(std::path::PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut files = vec![src];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path, text));
        }
    }
    out
}

/// No function of the core is over 80 lines, from its `fn` line to its closing brace: a cost
/// line, a check or a step is a function of its own, and a model only sequences them.
#[test]
fn no_core_function_is_over_80_lines() {
    let mut long = Vec::new();
    for (path, text) in sources() {
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            let indent = line.len() - line.trim_start().len();
            let head = line.trim_start();
            let is_fn = [
                "fn ",
                "pub fn ",
                "pub(crate) fn ",
                "pub(super) fn ",
                "const fn ",
                "pub const fn ",
            ]
            .iter()
            .any(|p| head.starts_with(p));
            if !is_fn || head.ends_with(';') {
                i += 1;
                continue;
            }
            let close = format!("{}}}", " ".repeat(indent));
            let end = (i + 1..lines.len())
                .find(|&k| lines[k] == close || lines[k].starts_with(&format!("{close} ")))
                .unwrap_or(i);
            if end + 1 - i > 80 {
                long.push(format!(
                    "{}:{} {} lines",
                    path.display(),
                    i + 1,
                    end + 1 - i
                ));
            }
            i = end.max(i) + 1;
        }
    }
    assert!(long.is_empty(), "functions over 80 lines: {long:#?}");
}
