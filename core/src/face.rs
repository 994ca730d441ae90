//! The words of each face. The core names what a message is about as data (an [`Input`], a
//! [`Fix`]); a [`Face`] says how its users know them: the terminal as flags and commands, the page
//! as its fields, a scenario file as its keys. Every message of the core renders through a face
//! (`text(face)`); its `Display` is the [`Plain`] face, which names no flag, field or command.

use crate::input::Input;

/// Something the user can do about a message, worded by each face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// Refresh the prices kcost has from AWS.
    RefreshPrices,
    /// Give kcost prices of one's own (a region it lacks, a price a region lacks).
    AddPrices,
    /// Give an input this value (`--rounding exact`).
    Set(Input, &'static str),
}

/// How one front end words inputs and fixes.
pub trait Face {
    /// The input as this face's users know it (`--max-record-size`, the "Maximum record size"
    /// field, `max_record_size`).
    fn input(&self, input: Input) -> String;

    /// What to do, as this face's users would do it.
    fn fix(&self, fix: Fix) -> String;
}

/// Words that name no face's controls: for JSON, libraries and `Display`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Plain;

impl Face for Plain {
    fn input(&self, input: Input) -> String {
        format!("the {}", input.words())
    }

    fn fix(&self, fix: Fix) -> String {
        match fix {
            Fix::RefreshPrices => "refresh the price tables from the AWS Price List".to_string(),
            Fix::AddPrices => "add a pricing table with the prices".to_string(),
            Fix::Set(input, value) => format!("{value} as the {}", input.words()),
        }
    }
}

/// A scenario file's words: inputs are its keys; fixes are the enclosing face's.
#[derive(Clone, Copy)]
pub struct ScenarioFile<'a>(pub &'a dyn Face);

impl std::fmt::Debug for ScenarioFile<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ScenarioFile")
    }
}

impl Face for ScenarioFile<'_> {
    fn input(&self, input: Input) -> String {
        format!("`{}`", input.spec().key)
    }

    fn fix(&self, fix: Fix) -> String {
        match fix {
            Fix::Set(input, value) => format!("`{} = \"{value}\"`", input.spec().key),
            other => self.0.fix(other),
        }
    }
}

/// A usage file's words beside a plan or template: inputs are the usage file's keys, but the
/// region, which the code's provider sets, is the enclosing face's (`--region`).
#[derive(Clone, Copy)]
pub struct UsageFile<'a>(pub &'a dyn Face);

impl std::fmt::Debug for UsageFile<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UsageFile")
    }
}

impl Face for UsageFile<'_> {
    fn input(&self, input: Input) -> String {
        match input {
            Input::Region => format!("the provider's region (or {})", self.0.input(input)),
            _ => ScenarioFile(self.0).input(input),
        }
    }

    fn fix(&self, fix: Fix) -> String {
        match fix {
            Fix::Set(Input::Region, _) => self.0.fix(fix),
            _ => ScenarioFile(self.0).fix(fix),
        }
    }
}

/// A face that says which flag-like or command-like words appear in a text: `--flag` or a
/// backquoted `kcost` command. Tests use it to hold faces to their own words.
pub fn names_a_flag_or_command(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for (i, w) in bytes.windows(3).enumerate() {
        if w.first() == Some(&b'-')
            && w.get(1) == Some(&b'-')
            && w.get(2).is_some_and(u8::is_ascii_lowercase)
        {
            return Some(text.get(i..).unwrap_or_default().chars().take(24).collect());
        }
    }
    text.find("`kcost ").map(|at| {
        text.get(at..)
            .unwrap_or_default()
            .chars()
            .take(24)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plain_face_names_no_flag_or_command() {
        for m in crate::testing::every_message() {
            let text = m.text(&Plain);
            assert_eq!(names_a_flag_or_command(&text), None, "{text}");
            assert_eq!(text, m.to_string_plain(), "Display is the plain face");
        }
    }

    #[test]
    fn flags_and_commands_are_found() {
        assert!(names_a_flag_or_command("give --max-record-size").is_some());
        assert!(names_a_flag_or_command("run `kcost pricing update`").is_some());
        assert!(names_a_flag_or_command("a 1 MiB -- record, kcost has none").is_none());
    }

    #[test]
    fn each_face_words_inputs_its_own_way() {
        assert_eq!(Plain.input(Input::MaxRecordSize), "the maximum record size");
        assert_eq!(
            ScenarioFile(&Plain).input(Input::MaxRecordSize),
            "`max_record_size`"
        );
    }
}
