//! Every input kcost takes, declared once: its name on the command line (and as a batch column
//! and URL parameter), its key in a scenario file, its label on the page, its help line, its
//! default and an example value. The front ends take their flags, columns, keys and fields from
//! here, and tests check each front end against this table, so a new input is declared in one
//! place and no face words it differently.

use std::fmt;

/// Which estimate an input belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// A setting of every estimate (region, rounding, discount).
    Every,
    /// A Kinesis data stream.
    Stream,
    /// Managed Flink / Data Analytics applications.
    Analytics,
    /// A Firehose stream.
    Firehose,
    /// A Lambda function reading the stream (scenario files and the page).
    Lambda,
    /// A KCL application reading the stream (scenario files and the page).
    Kcl,
}

/// One input's declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Which input.
    pub input: Input,
    /// The estimate it belongs to.
    pub scope: Scope,
    /// Its name on the command line without the dashes (`size-kb`); also its batch column and
    /// its URL parameter on the page.
    pub flag: &'static str,
    /// Its key in a scenario file (`size_kb`).
    pub key: &'static str,
    /// Its label on the page, and its name in a sentence after "the" once lowercased
    /// (`Average record size`).
    pub label: &'static str,
    /// The value's placeholder in help (`KB`).
    pub value_name: &'static str,
    /// The unit of the value in words, if it has one (`KB`, `% a month`); the page shows it
    /// after the label.
    pub unit: &'static str,
    /// The default as it would be typed, or `None` when the input is required or absent by
    /// default.
    pub default: Option<&'static str>,
    /// A valid value as it would be typed.
    pub example: &'static str,
    /// Whether the input is an on/off switch.
    pub switch: bool,
    /// A short hint beside its field on the page (`1 KB = 1,024 bytes`), or empty.
    pub hint: &'static str,
    /// The words it takes, each with how the page's select says it (`("on-demand",
    /// "on-demand Standard")`); empty for an input that takes a number or text.
    pub choices: &'static [(&'static str, &'static str)],
    /// The input this one goes with and means nothing without (the months of growth need the
    /// growth), or `None`.
    pub needs: Option<Input>,
    /// Where the page places it: `""` among the fields shown first, else the name of the
    /// group of further fields it is folded into (`aggregation, peaks, hot keys, growth`).
    pub more: &'static str,
}

/// `""` when no hint is declared.
macro_rules! hint {
    () => {
        ""
    };
    ($hint:literal) => {
        $hint
    };
}

/// `None` when the input goes with no other.
macro_rules! needs {
    () => {
        None
    };
    ($needs:ident) => {
        Some(Input::$needs)
    };
}

/// Where the page places an input: `""` among the fields shown first, else the words of the
/// group of further fields it is folded into, under "More: ".
macro_rules! more {
    () => {
        ""
    };
    (Traffic) => {
        "aggregation, peaks, hot keys, growth"
    };
    (Form) => {
        "calculator form, daily profile"
    };
    (Around) => {
        "around the stream (metrics, encryption, network)"
    };
    (Apps) => {
        "parallelism, running hours, backups"
    };
    (Delivery) => {
        "dynamic partitioning, VPC delivery"
    };
}

macro_rules! inputs {
    ($($variant:ident: $scope:ident, $flag:literal, $key:literal, $label:literal, $value:literal,
       $unit:literal, $default:expr, $example:literal, $switch:literal, $help:literal
       $(, hint: $hint:literal)?
       $(, choices: [$(($choice:literal, $words:literal)),* $(,)?])?
       $(, needs: $needs:ident)?
       $(, more: $more:tt)?;)*) => {
        /// Every input kcost takes. Its declaration is [`Input::spec`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Input {
            $(#[doc = $label] $variant,)*
        }

        impl Input {
            /// Every input, in the order help lists them.
            pub const ALL: &'static [Input] = &[$(Input::$variant),*];

            /// One line of help: what it is, its unit and its allowed range. Apart from the
            /// declaration, so that a face that shows no help (the page) does not carry it.
            pub const fn help(self) -> &'static str {
                match self {
                    $(Input::$variant => $help,)*
                }
            }

            /// The input's declaration.
            pub const fn spec(self) -> &'static Spec {
                match self {
                    $(Input::$variant => &Spec {
                        input: Input::$variant,
                        scope: Scope::$scope,
                        flag: $flag,
                        key: $key,
                        label: $label,
                        value_name: $value,
                        unit: $unit,
                        default: $default,
                        example: $example,
                        switch: $switch,
                        hint: hint!($($hint)?),
                        choices: &[$($(($choice, $words)),*)?],
                        needs: needs!($($needs)?),
                        more: more!($($more)?),
                    },)*
                }
            }
        }
    };
}

inputs! {
    Region: Every, "region", "region", "Region", "REGION", "", None, "eu-central-1", false,
        "AWS region code, such as eu-central-1 [default: us-east-1]";
    Rounding: Every, "rounding", "rounding", "Rounding", "ROUNDING", "", Some("calculator"), "exact", false,
        "How intermediate steps are rounded: calculator (as the AWS Pricing Calculator) or exact",
        choices: [("calculator", "as the AWS calculator"), ("exact", "exact")];
    Discount: Every, "discount", "discount", "Discount", "PCT", "%", None, "12.5", false,
        "A discount on every line, percent (your negotiated rate); shown as its own line",
        hint: "your negotiated rate, on every line",
        more: Traffic;

    Records: Stream, "records", "records", "Records", "RATE", "", None, "100/s", false,
        "Records written to the stream: a number per second, or with a unit (1000/min, 2e6/day)",
        hint: "per second, or 1000/min, 5/h, 2e6/day, 1e9/month";
    SizeKb: Stream, "size-kb", "size_kb", "Average record size", "KB", "KB", None, "100", false,
        "Average record size in KB (1 KB = 1,024 bytes), more than 0 and at most 10,240 (10 MiB)",
        hint: "1 KB = 1,024 bytes";
    Consumers: Stream, "consumers", "consumers", "Consumer applications", "N", "", Some("1"), "10", false,
        "Shared-throughput consumer applications reading the stream [default: 1]",
        hint: "applications reading with GetRecords";
    EfoConsumers: Stream, "efo-consumers", "efo_consumers", "Enhanced fan-out consumers", "N", "",
        Some("0"), "2", false,
        "Enhanced fan-out consumers (dedicated 2 MB/s per shard each; at most 20, 50 with Advantage)";
    Mode: Stream, "mode", "mode", "Capacity mode", "MODE", "", Some("provisioned"), "on-demand", false,
        "Capacity mode, or compare for all of them side by side",
        choices: [("provisioned", "provisioned"), ("on-demand", "on-demand Standard"), ("advantage", "on-demand Advantage"), ("compare", "compare all")];
    Retention: Stream, "retention", "retention", "Retention", "DURATION", "", Some("24h"), "7d", false,
        "How long records are kept: 24h to 365d (24h, 48h, 7d, 365d)",
        hint: "24h to 365d";
    LongTermReadsGb: Stream, "long-term-reads-gb", "long_term_reads_gb", "Long-term reads", "GB", "GB a month",
        Some("0"), "100", false,
        "GB a month read from data older than 7 days (provisioned long-term retrieval)",
        hint: "reads of data older than 7 days",
        more: Traffic;
    Aggregate: Stream, "aggregate", "aggregate_kb", "Aggregation", "KB", "KB", None, "25", false,
        "KPL aggregation: pack user records into Kinesis records of up to KB (default 25)",
        hint: "empty for none; 25 is the KPL's",
        more: Traffic;
    PeakRecords: Stream, "peak-records", "peak_records", "Peak records", "RATE", "", None, "400/s", false,
        "The peak record rate: shards are sized for it, usage is billed on the average record rate",
        hint: "shards are sized for it",
        more: Traffic;
    TargetUtilization: Stream, "target-utilization", "target_utilization", "Target utilization",
        "PCT", "%", Some("100"), "80", false,
        "Percent of shard capacity to plan for; below 100 adds headroom",
        more: Traffic;
    Profile: Stream, "profile", "profile", "Daily profile", "W1,...,W24", "", None,
        "1,1,1,1,1,1,2,3,3,3,3,3,3,3,3,3,3,2,2,2,1,1,1,1", false,
        "Relative traffic in each UTC hour of the day around the average record rate (24 weights): provisioned is sized for the busiest hour, on-demand bills the average",
        hint: "24 weights, one for each UTC hour",
        more: Form;
    Scaling: Stream, "scaling", "scaling", "Scaling", "SCALING", "", Some("fixed"), "scheduled", false,
        "With a daily profile, provisioned holds one shard count (fixed) or follows a daily schedule within UpdateShardCount's rules (scheduled)",
        choices: [("fixed", "one shard count all day"), ("scheduled", "a daily schedule")],
        more: Form;
    Shards: Stream, "shards", "shards", "Shards", "N", "", None, "60", false,
        "The shards a provisioned stream runs (a plan's shard_count): billed at this count, with a warning when its traffic needs more or far fewer",
        hint: "the count it runs; empty to size it from the traffic",
        more: Traffic;
    Form: Stream, "form", "form", "Calculator form", "FORM", "", Some("2021"), "current", false,
        "Which AWS Pricing Calculator form prices a provisioned stream: 2021 (the older form, rounded steps and a records term) or current (unrounded, a percent buffer, no records term)",
        choices: [("2021", "2021 form (rounded steps)"), ("current", "current form (a buffer)")],
        more: Form;
    Buffer: Stream, "buffer", "buffer", "Buffer", "PCT", "%", None, "20", false,
        "The current form's percent buffer on the shard need, 0 to 1000 [default: 20, in the current form]",
        hint: "current form only; empty for 20",
        more: Form;
    HotKeyShare: Stream, "hot-key-share", "hot_key_share", "Hot-key share", "F", "", None, "0.3", false,
        "Share of the traffic on the busiest partition key, 0 to 1 (or a percentage, 30%)",
        hint: "0 to 1, or 30%",
        more: Traffic;
    MaxRecordSize: Stream, "max-record-size", "max_record_size", "Maximum record size", "SIZE", "", None,
        "2MiB", false,
        "The stream's maximum record size, needed for records over 1 MiB: up to 10MiB (e.g. 2MiB, 4096)",
        hint: "needed over 1 MiB: up to 10MiB",
        more: Traffic;
    ShardMetrics: Stream, "shard-metrics", "shard_metrics", "Shard-level metrics", "all|N", "", None,
        "all", false,
        "Enhanced shard-level metrics enabled: all (Kinesis' 7) or how many; CloudWatch bills each one per shard as a custom metric",
        hint: "all (7), or how many; empty for none",
        more: Around;
    Encryption: Stream, "encryption", "encryption", "Encryption", "none|kms", "", Some("none"), "kms",
        false,
        "Server-side encryption: none, or kms (AWS KMS, with the AWS managed key unless the KMS key is customer)",
        choices: [("none", "none"), ("kms", "KMS")],
        more: Around;
    KmsKey: Stream, "kms-key", "kms_key", "KMS key", "aws|customer", "", Some("aws"), "customer", false,
        "With kms encryption: aws (the AWS managed key aws/kinesis, no monthly fee) or customer (a customer managed key, billed by the month)",
        hint: "with KMS",
        choices: [("aws", "AWS managed (aws/kinesis)"), ("customer", "customer managed")],
        more: Around;
    KmsCredentials: Stream, "kms-credentials", "kms_credentials", "KMS credentials", "N", "", None,
        "4", false,
        "With kms encryption: distinct credentials the producers and consumers use at once (IAM users, or assumed-role sessions, each a new one), 1 to 10,000; each calls KMS on its own [default: 1]",
        hint: "with KMS: each credential calls KMS",
        more: Around;
    ProducerNetwork: Stream, "producer-network", "producer_network", "Producer network",
        "public|nat|endpoint", "", Some("public"), "nat", false,
        "How producers reach Kinesis: public (nothing billed here), nat (a NAT gateway, per GB processed) or endpoint (an interface VPC endpoint)",
        choices: [("public", "public endpoint"), ("nat", "NAT gateway"), ("endpoint", "interface VPC endpoint")],
        more: Around;
    ConsumerNetwork: Stream, "consumer-network", "consumer_network", "Consumer network",
        "public|nat|endpoint", "", Some("public"), "endpoint", false,
        "How consumers reach Kinesis: public, nat or endpoint, as for producers (every consumer reads every byte)",
        choices: [("public", "public endpoint"), ("nat", "NAT gateway"), ("endpoint", "interface VPC endpoint")],
        more: Around;
    NatGateways: Stream, "nat-gateways", "nat_gateways", "NAT gateways", "N", "", None, "3", false,
        "NAT gateways whose hours to bill (730 a month each), 1 to 100; without it their hours are taken as paid by other traffic",
        hint: "bill their hours here; empty if other traffic pays them",
        more: Around;
    EndpointAzs: Stream, "endpoint-azs", "endpoint_azs", "Endpoint AZs", "N", "", None, "3", false,
        "Availability Zones of the interface VPC endpoint, 1 to 6: endpoint-hours = N x 730 [default: 2]",
        hint: "with an endpoint; empty for 2",
        more: Around;
    Growth: Stream, "growth", "growth", "Growth", "PCT", "% a month", None, "5", false,
        "Project costs month by month with the record rate growing PCT per month (may be negative)",
        hint: "empty for none",
        more: Traffic;
    Months: Stream, "months", "months", "Months", "N", "", Some("12"), "24", false,
        "Months to project with growth, 1 to 120",
        needs: Growth,
        more: Traffic;

    Engine: Analytics, "engine", "engine", "Engine", "ENGINE", "", Some("flink"), "sql", false,
        "The engine: flink (1 orchestration KPU per app), studio (2), or sql (none; closed to new apps)",
        choices: [("flink", "Flink"), ("studio", "Studio notebooks"), ("sql", "SQL (closed to new apps)")];
    Apps: Analytics, "apps", "apps", "Applications", "N", "", Some("1"), "10", false,
        "How many applications";
    Kpus: Analytics, "kpus", "kpus", "KPUs per application", "K", "", None, "2", false,
        "KPUs per application, running all month";
    Parallelism: Analytics, "parallelism", "parallelism", "Parallelism", "P", "", None, "8", false,
        "Parallelism per application; KPUs = RoundUp(P / parallelism per KPU)",
        hint: "instead of KPUs",
        more: Apps;
    ParallelismPerKpu: Analytics, "parallelism-per-kpu", "parallelism_per_kpu",
        "Parallelism per KPU", "Q", "", None, "2", false,
        "Parallelism per KPU (with parallelism) [default: 1]",
        hint: "with parallelism; empty for 1",
        more: Apps;
    KpuHours: Analytics, "kpu-hours", "kpu_hours", "KPU-hours per application", "RATE", "", None,
        "5/day", false,
        "KPU-hours per application, per hour, day or month (5/day, as the calculator takes it)",
        hint: "instead of KPUs: 5/day, 120/month",
        more: Apps;
    StorageIncluded: Analytics, "storage-included", "storage_included", "Storage included", "", "", None,
        "on", true,
        "Treat the 50 GB of running storage per KPU as included rather than billed",
        hint: "50 GB per KPU, not billed",
        more: Apps;
    HoursPerDay: Analytics, "hours-per-day", "hours_per_day", "Running hours a day", "H", "hours", None,
        "12", false,
        "Hours a day the applications run, more than 0 and at most 24: their KPUs and orchestration KPUs are billed for those hours [default: 24]",
        hint: "empty for all day",
        more: Apps;
    BackupGb: Analytics, "backup-gb", "backup_gb", "Durable backups", "G", "GB per application", Some("0"), "10", false,
        "Durable application backups per application, GB",
        more: Apps;

    FirehoseRecords: Firehose, "records", "records", "Firehose records", "RATE", "", None, "1000/s", false,
        "Records delivered: a number per second, or with a unit (1000/min, 2e6/day)";
    FirehoseSizeKb: Firehose, "size-kb", "size_kb", "Firehose record size", "KB", "KB", None, "3", false,
        "Average record size in KB (at most 1,000 KiB for Firehose)";
    Source: Firehose, "source", "source", "Source", "SOURCE", "", Some("direct-put"), "msk", false,
        "Where records come from; direct-put and kinesis-stream bill each record rounded up to 5 KB",
        choices: [("direct-put", "Direct PUT"), ("msk", "Amazon MSK"), ("vended-logs", "vended logs")];
    FormatConversion: Firehose, "format-conversion", "format_conversion", "Format conversion", "", "",
        None, "on", true,
        "Convert JSON to Parquet or ORC";
    DynamicPartitioning: Firehose, "dynamic-partitioning", "dynamic_partitioning",
        "Dynamic partitioning", "", "", None, "on", true,
        "Partition data into S3 prefixes by keys in the records",
        more: Delivery;
    ObjectSizeMb: Firehose, "object-size-mb", "object_size_mb", "S3 object size", "M", "MB", None, "64", false,
        "S3 object size with dynamic partitioning, MB: objects = GB x 1024 / M [default: 128]",
        needs: DynamicPartitioning,
        more: Delivery;
    JqHours: Firehose, "jq-hours", "jq_hours", "JQ hours", "H", "hours a month", None, "730", false,
        "JQ processing hours a month, with dynamic partitioning [default: 0]",
        needs: DynamicPartitioning,
        more: Delivery;
    ActivePartitions: Firehose, "active-partitions", "active_partitions", "Active partitions", "N", "",
        None, "1000", false,
        "Partitions written to at once with dynamic partitioning: each flushes an S3 object at least every buffer interval",
        hint: "written to at once",
        needs: DynamicPartitioning,
        more: Delivery;
    BufferInterval: Firehose, "buffer-interval", "buffer_interval", "Buffer interval", "SECONDS", "s",
        None, "60", false,
        "Buffer interval with dynamic partitioning, 60 to 900 seconds [default: 300, with active partitions]",
        hint: "60 to 900; empty for 300",
        needs: DynamicPartitioning,
        more: Delivery;
    BufferSizeMb: Firehose, "buffer-size-mb", "buffer_size_mb", "Buffer size", "MB", "MB", None, "64",
        false,
        "Buffer size with dynamic partitioning, 64 to 128 MB: the S3 object size when partitions fill fast [default: 128]",
        hint: "64 to 128; empty for 128",
        needs: DynamicPartitioning,
        more: Delivery;
    VpcSubnets: Firehose, "vpc-subnets", "vpc_subnets", "VPC subnets", "N", "", None, "3", false,
        "Subnets (Availability Zones) of a destination in a VPC: AZ-hours = N x 730 [default: none]",
        hint: "a destination in a VPC",
        more: Delivery;
    VpcRatio: Firehose, "vpc-ratio", "vpc_ratio", "VPC ratio", "R", "", None, "0.5", false,
        "Share of ingested GB delivered into the VPC, 0 to 1 (with VPC subnets) [default: 1]",
        hint: "0 to 1; empty for 1",
        needs: VpcSubnets,
        more: Delivery;

    MemoryMb: Lambda, "memory-mb", "memory_mb", "Lambda memory", "MB", "MB", Some("128"), "256", false,
        "The function's memory, 128 to 10,240 MB",
        hint: "128 to 10,240";
    DurationMs: Lambda, "duration-ms", "duration_ms", "Lambda duration", "MS", "ms", Some("100"), "120", false,
        "Average duration of one invocation, more than 0 and at most 900,000 ms",
        hint: "average per invocation";
    BatchSize: Lambda, "batch-size", "batch_size", "Lambda batch size", "N", "records", Some("100"), "500", false,
        "Records per invocation at most (BatchSize), 1 to 10,000",
        hint: "records per invocation at most";
    Architecture: Lambda, "architecture", "architecture", "Lambda architecture", "ARCH", "", Some("x86_64"),
        "arm64", false,
        "x86_64 or arm64 (Graviton, a lower GB-second price)",
        choices: [("x86_64", "x86_64"), ("arm64", "arm64 (Graviton)")];
    BatchingWindow: Lambda, "batching-window-s", "batching_window_s", "Lambda batching window", "S", "s",
        Some("0"), "5", false,
        "Seconds Lambda waits to fill a batch (MaximumBatchingWindowInSeconds), 0 to 300",
        hint: "0 to 300";
    KclVersion: Kcl, "version", "version", "KCL version", "V", "", Some("3"), "2", false,
        "The Kinesis Client Library's major version: 3 (lease, worker metrics and coordinator tables) or 2 (a lease table)",
        choices: [("3", "3.x"), ("2", "2.x")];
    KclWorkers: Kcl, "workers", "workers", "KCL workers", "N", "", Some("1"), "4", false,
        "Workers (processes) sharing the shards, at least 1";
    CheckpointS: Kcl, "checkpoint-s", "checkpoint_s", "KCL checkpoint interval", "S", "s", Some("60"), "30",
        false,
        "Seconds between the application's checkpoints of each shard, at least 1",
        hint: "how often it checkpoints each shard";
}

impl Input {
    /// The inputs of one scope.
    pub fn of(scope: Scope) -> impl Iterator<Item = Input> + Clone {
        Input::ALL
            .iter()
            .copied()
            .filter(move |i| i.spec().scope == scope)
    }

    /// The input's words in a sentence: its label, lowercased but for acronyms
    /// (`average record size`, `KPUs per application`).
    pub fn words(self) -> String {
        let label = self.spec().label;
        let mut chars = label.chars();
        match (chars.next(), chars.next()) {
            // `KPUs`, `JQ`, `VPC`: an acronym keeps its capitals.
            (Some(_), Some(b)) if b.is_ascii_uppercase() => label.to_string(),
            (Some(a), _) => a.to_lowercase().chain(label.chars().skip(1)).collect(),
            (None, _) => String::new(),
        }
        .replace("firehose", "Firehose")
    }
}

impl fmt::Display for Input {
    /// The input's words (`average record size`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_within_a_scope() {
        for scope in [
            Scope::Every,
            Scope::Stream,
            Scope::Analytics,
            Scope::Firehose,
            Scope::Lambda,
            Scope::Kcl,
        ] {
            let every = Input::of(Scope::Every).filter(|_| scope != Scope::Every);
            let mut flags: Vec<&str> = Input::of(scope)
                .chain(every)
                .map(|i| i.spec().flag)
                .collect();
            let n = flags.len();
            flags.sort_unstable();
            flags.dedup();
            assert_eq!(flags.len(), n, "{scope:?}");
        }
    }

    #[test]
    fn flags_and_keys_are_the_same_words() {
        for &i in Input::ALL {
            let s = i.spec();
            assert_eq!(s.input, i);
            // The scenario key is the flag in snake case, or the flag with its unit added.
            let snake = s.flag.replace('-', "_");
            assert!(
                s.key == snake || s.key.starts_with(&snake),
                "{i:?}: {} vs {}",
                s.key,
                s.flag
            );
            assert!(
                !i.help().ends_with('.'),
                "{i:?}: help lines end without a period"
            );
        }
    }

    #[test]
    fn words_keep_acronyms() {
        assert_eq!(Input::SizeKb.words(), "average record size");
        assert_eq!(Input::Kpus.words(), "KPUs per application");
        assert_eq!(Input::VpcRatio.words(), "VPC ratio");
        assert_eq!(Input::FirehoseRecords.words(), "Firehose records");
    }
}
