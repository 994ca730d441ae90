//! The core's modules import each other in one direction only: no module reaches, through any
//! chain of imports, back to itself. (A bill, its notes and the default region are neutral
//! pieces every service uses; no service reaches into another for them.) Each service's folder
//! owns its inputs, model, lines and notes; the joins gather their parts into one type (`notes.rs`
//! every service's notes, `estimate.rs` the inputs an estimate echoes), so a join's edges into
//! the service folders are not counted among the folders': the module-level test below still
//! follows them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The modules that join per-service parts into one type.
const JOINS: [&str; 3] = ["notes", "estimate", "parse"];

/// The folders of the services.
const SERVICES: [&str; 6] = [
    "streams",
    "around",
    "analytics",
    "firehose",
    "consumers",
    "metrics",
];

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
            if JOINS.contains(&module.as_str()) && SERVICES.contains(&name.as_str()) {
                continue;
            }
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

/// The source folders of the workspace's crates whose functions and imports are held to the
/// rules below.
const CRATES: [&str; 5] = ["core", "pricing", "report", "cli", "web"];

/// Every Rust file under each crate's `src`, with its crate and text; files marked `@generated`
/// (data written by a tool, not code to read) are left out.
fn sources() -> Vec<(&'static str, std::path::PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    for krate in CRATES {
        let mut files = vec![root.join(krate).join("src")];
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let head: String = text.lines().take(8).collect();
                if !head.contains("@generated") {
                    out.push((krate, path, text));
                }
            }
        }
    }
    assert!(out.len() > 60, "the workspace's sources were not found");
    out
}

/// No function of any crate is over 80 lines, from its `fn` line to its closing brace: a cost
/// line, a check, a step or a part of the page is a function of its own, and a model or a
/// component only sequences them.
#[test]
fn no_function_is_over_80_lines() {
    let mut long = Vec::new();
    for (_, path, text) in sources() {
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
                "async fn ",
                "pub async fn ",
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

/// A file's module path in its crate: `src/metrics/parse.rs` is `metrics::parse`,
/// `src/metrics/mod.rs` is `metrics`, `src/lib.rs` and `src/main.rs` the root. Binaries of their
/// own (`src/bin`) are none.
fn module_of(path: &Path) -> Option<Vec<String>> {
    let relative = path.to_str()?.split("/src/").last()?;
    let mut parts: Vec<String> = relative
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if parts.first().is_some_and(|p| p == "bin") {
        return None;
    }
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    Some(parts)
}

/// The paths a piece of code names through `crate::`, `super::` or `self::`, the groups of a
/// `use` (`use super::{a, b::c}`) expanded, each as its segments.
fn paths_named(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = ["crate::", "super::", "self::"]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
    {
        let before = rest[..at].chars().last();
        rest = &rest[at..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            rest = &rest[1..];
            continue;
        }
        let (taken, len) = path_tree(rest);
        out.extend(taken);
        rest = &rest[len.max(1)..];
    }
    out
}

/// The paths of the path or `use` tree at the start of `text`, and how many bytes it took.
fn path_tree(text: &str) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    loop {
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        if i > start {
            prefix.push(text[start..i].to_string());
        }
        if text[i..].starts_with("::{") {
            // A group: each member a tree of its own under the prefix.
            i += 3;
            let mut paths = Vec::new();
            loop {
                while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] == b'}' {
                    return (paths, i + 1);
                }
                let (inner, len) = path_tree(&text[i..]);
                paths.extend(inner.into_iter().map(|p| [prefix.clone(), p].concat()));
                i += len.max(1);
            }
        }
        if text[i..].starts_with("::") {
            i += 2;
            continue;
        }
        return (vec![prefix], i);
    }
}

/// The module a path named in module `at` is in: `super` and `self` resolved, then the longest
/// prefix that is a module of the crate.
fn target(at: &[String], path: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut full: Vec<String> = Vec::new();
    let mut segments = path.iter().peekable();
    match segments.peek().map(|s| s.as_str()) {
        Some("crate") => {
            segments.next();
        }
        Some("self") => {
            segments.next();
            full = at.to_vec();
        }
        _ => {
            full = at.to_vec();
            while segments.peek().is_some_and(|s| *s == "super") {
                segments.next();
                full.pop()?;
            }
        }
    }
    full.extend(segments.cloned());
    (0..=full.len())
        .rev()
        .map(|n| full[..n].to_vec())
        .find(|m| modules.contains(m))
}

/// No module of any crate reaches, through imports at any depth (`crate::a::b`, `super::x`,
/// groups of `use`), back to itself. A module's use of its own parent or children is its
/// nesting, not an import, and is left out.
#[test]
fn no_nested_module_imports_itself_back() {
    let mut by_crate: BTreeMap<&str, Vec<(Vec<String>, String)>> = BTreeMap::new();
    for (krate, path, text) in sources() {
        if let Some(module) = module_of(&path) {
            // The code before its tests, without comments (a doc link is not an import).
            let code: String = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            by_crate.entry(krate).or_default().push((module, code));
        }
    }
    let mut edges_seen = 0;
    for (krate, files) in &by_crate {
        let modules: BTreeSet<Vec<String>> = files.iter().map(|(m, _)| m.clone()).collect();
        let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
        for (module, code) in files {
            for path in paths_named(code) {
                let Some(to) = target(module, &path, &modules) else {
                    continue;
                };
                let nested = to.starts_with(module) || module.starts_with(&to);
                if !nested {
                    graph.entry(module.clone()).or_default().insert(to);
                    edges_seen += 1;
                }
            }
        }
        for start in graph.keys() {
            let mut stack: Vec<Vec<Vec<String>>> = vec![vec![start.clone()]];
            let mut seen = BTreeSet::new();
            while let Some(path) = stack.pop() {
                let last = path.last().unwrap();
                for next in graph.get(last).into_iter().flatten() {
                    let names: Vec<String> = path.iter().map(|m| m.join("::")).collect();
                    assert_ne!(
                        next,
                        start,
                        "a circle of imports in {krate}: {} -> {}",
                        names.join(" -> "),
                        next.join("::")
                    );
                    if seen.insert(next.clone()) {
                        stack.push([path.clone(), vec![next.clone()]].concat());
                    }
                }
            }
        }
    }
    assert!(edges_seen > 100, "too few imports found: {edges_seen}");
}

#[test]
fn nested_paths_and_groups_are_read() {
    let paths =
        paths_named("use super::{many, table::{Grid, x}};\nlet a = crate::metrics::parse::f();");
    let text: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        text,
        [
            "super::many",
            "super::table::Grid",
            "super::table::x",
            "crate::metrics::parse::f"
        ]
    );
    let modules: BTreeSet<Vec<String>> = [
        vec![],
        vec!["metrics".to_string()],
        vec!["metrics".to_string(), "table".to_string()],
    ]
    .into_iter()
    .collect();
    let at = ["metrics".to_string(), "parse".to_string()];
    let to = target(&at, &paths[1], &modules);
    assert_eq!(to, Some(vec!["metrics".to_string(), "table".to_string()]));
}
