//! The flags of the core's declared inputs, built by walking the declarations: a flag's name,
//! help, placeholder, default and what it goes with are its input's, and its value is checked by
//! the core's own reading of that input, so the terminal refuses what every face refuses, in
//! the terminal's words. What a flag was given is kept as typed, for the workload's `set`.

use clap::builder::EnumValueParser;
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, ValueEnum};
use kcost_core::{Input, InputError, Mode, Rate, RecordSize, Scope};

use crate::face::Terminal;

/// The inputs of one scope given on the command line, each with its text as typed, in declared
/// order (defaults left out: the workload has them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given(pub Vec<(Input, String)>);

impl Given {
    /// The flags of `scope`'s inputs, in declared order.
    pub fn augment(cmd: clap::Command, scope: Scope) -> clap::Command {
        Input::of(scope).fold(cmd, |cmd, input| cmd.arg(arg(input)))
    }

    /// What the flags of `scope` were given.
    pub fn read(m: &ArgMatches, scope: Scope) -> Given {
        let given = Input::of(scope).filter(|&input| input != Input::Mode);
        Given(given.filter_map(|input| typed(m, input)).collect())
    }

    /// The text given for `input`, if any.
    pub fn get(&self, input: Input) -> Option<&str> {
        self.0
            .iter()
            .find(|(i, _)| *i == input)
            .map(|(_, text)| text.as_str())
    }

    /// Whether `input` was given.
    pub fn has(&self, input: Input) -> bool {
        self.get(input).is_some()
    }

    /// A workload made by `new` from the record rate and size given as `inputs` (clap requires
    /// both).
    pub fn sized<W>(
        &self,
        inputs: [Input; 2],
        new: fn(Rate, RecordSize) -> W,
    ) -> anyhow::Result<W> {
        let text = |e: InputError| anyhow::anyhow!(e.text(&Terminal));
        let [Some(records), Some(size)] = inputs.map(|i| self.get(i)) else {
            anyhow::bail!("--records and --size-kb are required; see --help");
        };
        Ok(new(
            records.parse().map_err(text)?,
            size.parse().map_err(text)?,
        ))
    }

    /// Sets every input given but those in `skip` (read before), in declared order, through
    /// `set`; an error in the terminal's words.
    pub fn set_into(
        &self,
        skip: &[Input],
        mut set: impl FnMut(Input, &str) -> Result<(), InputError>,
    ) -> anyhow::Result<()> {
        for (input, text) in self.0.iter().filter(|(i, _)| !skip.contains(i)) {
            set(*input, text).map_err(|e| anyhow::anyhow!(e.text(&Terminal)))?;
        }
        Ok(())
    }
}

/// One input's text as typed, or `None` when it was not given (or given its default).
fn typed(m: &ArgMatches, input: Input) -> Option<(Input, String)> {
    let id = input.spec().key;
    if m.value_source(id) != Some(ValueSource::CommandLine) {
        return None;
    }
    if input.spec().switch {
        return m.get_flag(id).then(|| (input, "on".to_string()));
    }
    let text = m.get_one::<String>(id)?;
    Some((input, text.clone()))
}

/// The flag of one input, from its declaration.
fn arg(input: Input) -> Arg {
    let spec = input.spec();
    let arg = Arg::new(spec.key).long(spec.flag).help(input.help());
    if spec.switch {
        return arg.action(ArgAction::SetTrue);
    }
    let mut arg = arg
        .value_name(spec.value_name)
        .action(ArgAction::Set)
        .value_parser(move |text: &str| checked(input, text));
    if spec.choices.is_empty() {
        arg = arg.allow_hyphen_values(true);
    }
    if let Some(needs) = spec.needs {
        arg = arg.requires(needs.spec().key);
    }
    match (input, spec.default) {
        (Input::Records | Input::SizeKb | Input::FirehoseRecords | Input::FirehoseSizeKb, _) => {
            arg.required(true)
        }
        // Without the flag, the estimate says it took one consumer (a note), so clap keeps no
        // default of its own.
        (Input::Consumers, _) => arg,
        // `--aggregate` alone is the KPL's 25 KB; the value needs `=` so that it is not taken
        // for the next flag's.
        (Input::Aggregate, _) => arg
            .num_args(0..=1)
            .require_equals(true)
            .default_missing_value("25"),
        (Input::Mode, default) => mode(arg, default),
        (_, Some(default)) => arg.default_value(default),
        (_, None) => arg,
    }
}

/// The capacity mode: its choices described in help, as the core names them.
fn mode(arg: Arg, default: Option<&'static str>) -> Arg {
    let arg = arg.value_parser(EnumValueParser::<ModeArg>::new());
    match default {
        Some(default) => arg.default_value(default),
        None => arg,
    }
}

/// The core's reading of one input alone, its refusal in the terminal's words.
fn checked(input: Input, text: &str) -> Result<String, String> {
    kcost_core::parse::check(input, text)
        .map(|()| text.to_string())
        .map_err(|e| e.text(&Terminal))
}

/// The capacity mode as the terminal offers it, each choice described in help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// Shards you size; shard-hours and PUT payload units.
    Provisioned,
    /// On-demand Standard: per stream-hour and per GB.
    OnDemand,
    /// On-demand Advantage: per GB at lower prices, with a 25 MiB/s commitment.
    Advantage,
    /// All three side by side, with the cheapest marked and the break-even rate.
    Compare,
}

impl ModeArg {
    /// The core's mode, or `None` for a comparison.
    pub fn mode(self) -> Option<Mode> {
        match self {
            ModeArg::Provisioned => Some(Mode::Provisioned),
            ModeArg::OnDemand => Some(Mode::OnDemand),
            ModeArg::Advantage => Some(Mode::Advantage),
            ModeArg::Compare => None,
        }
    }
}
