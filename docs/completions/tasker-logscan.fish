function __tasker-logscan_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __tasker-logscan_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __tasker-logscan_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __tasker-logscan_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __tasker-logscan_parse_tokens -S
    set -l unparsed_tokens (__tasker-logscan_tokens -pc)
    switch $unparsed_tokens[1]
    case 'tasker-logscan'
        __tasker-logscan_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'report'
            __tasker-logscan_parse_subcommand -r 1 'threads=' 'format=' 'json' 'window=' 'episode-gap=' 'since=' 'until=' 'env=' 'config=' 'target-usage=' 'channel=+' 'baseline=' 'label=+' 'fail-on=' 'color=' 'progress=' 'follow' 'version' 'h/help'
        case 'events'
            __tasker-logscan_parse_subcommand -r 1 'threads=' 'version' 'h/help'
        case 'check-config'
            __tasker-logscan_parse_subcommand 1 'env=' 'version' 'h/help'
        case 'size'
            __tasker-logscan_parse_subcommand 0 'rate=' 'latency=' 'safety=' 'env=' 'version' 'h/help'
        case 'help'
            __tasker-logscan_parse_subcommand -r 1 'version'
        end
    end
end

function __tasker-logscan_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __tasker-logscan_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __tasker-logscan_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __tasker-logscan_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__tasker-logscan_tokens -p)
    if test -z "$(__tasker-logscan_tokens -t)"
        set -l index (count (__tasker-logscan_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'tasker-logscan' -f
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan" version' -l 'version' -d 'Show the version.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_positional "tasker-logscan" -eq 1' -fa 'report' -d 'Diagnose channel saturation, bursts, backpressure and drops, as the runbook does (default).'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_positional "tasker-logscan" -eq 1' -fa 'events' -d 'Print every recognised channel event as JSON Lines (for jq and tests).'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_positional "tasker-logscan" -eq 1' -fa 'check-config' -d 'Show a tasker config tree\'s channel capacities per environment and lint it.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_positional "tasker-logscan" -eq 1' -fa 'size' -d 'Compute a channel buffer size with the runbook\'s sizing formula.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_positional "tasker-logscan" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_positional "tasker-logscan report" -ge 1' -F
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" threads' -l 'threads' -d 'Scanning threads for large files.' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" format' -l 'format' -d 'Output format: text, json, markdown (wiki page, pull request comment), summary (12 lines for chat or cron mail), prometheus (node_exporter textfile) or html (one self-contained page with charts).' -rfka 'text json markdown summary prometheus html'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" json' -l 'json' -d 'Same as --format json.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" window' -l 'window' -d 'Aggregation window, as the runbook\'s [5m] rates.' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" episode-gap' -l 'episode-gap' -d 'Events further apart than this start a new episode.' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" since' -l 'since' -d 'Only events at or after this RFC 3339 instant, or this long before the newest event (24h, 90m).' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" until' -l 'until' -d 'Only events at or before this RFC 3339 instant, or this long before the newest event.' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" env' -l 'env' -d 'Tasker environment for capacities and the TOML to edit (default: $TASKER_ENV, else production).' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" config' -l 'config' -d 'Tasker config root holding base/ and environments/ (default: config/tasker when present).' -rfa '(__tasker-logscan_complete_directories)'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" target-usage' -l 'target-usage' -d 'Usage the resize formula aims for, in percent.' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report"' -l 'channel' -d 'Report only these channels (repeatable or comma-separated; runbook or raw names).' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" baseline' -l 'baseline' -d 'An earlier JSON report: its findings are known, shown as a count, and do not count for --fail-on.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report"' -l 'label' -d 'A constant label for every Prometheus sample (repeatable), e.g. cluster=eu1.' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" fail-on' -l 'fail-on' -d 'Exit 1 when a finding at or above this severity exists: info, warning, critical, never.' -rfka 'info warning critical never'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" color' -l 'color' -d 'Colour: auto (terminal only, never with a non-empty NO_COLOR), always, never.' -rfka 'auto always never'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" progress' -l 'progress' -d 'Progress on stderr: auto (terminal, inputs taking over half a second), always, never.' -rfka 'auto always never'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" follow' -l 'follow' -d 'Keep reading growing FILEs (merged by timestamp, surviving rotation, waiting for missing ones) or standard input; print a finding when it turns critical and as it closes, and on Ctrl-C the findings still open.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" version' -l 'version' -d 'Show the version.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_positional "tasker-logscan events" -ge 1' -F
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan events" threads' -l 'threads' -d 'Scanning threads for large files.' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan events" version' -l 'version' -d 'Show the version.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan events" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan check-config" env' -l 'env' -d 'Show and lint only base/ and this environment.' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan check-config" version' -l 'version' -d 'Show the version.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan check-config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan size" rate' -l 'rate' -d 'Peak message rate: 500/s, 30000/min, 1800000/h or 500 (per second).' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan size" latency' -l 'latency' -d 'Average consumer processing time: 10ms, 0.01s, 2s, 500us.' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan size" safety' -l 'safety' -d 'Safety factor for bursts (runbook: 2-5).' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan size" env' -l 'env' -d 'Advise for this environment only (test, development, production).' -rfka ''
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan size" version' -l 'version' -d 'Show the version.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan size" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'tasker-logscan' -n '__tasker-logscan_should_offer_completions_for_flags_or_options "tasker-logscan help" version' -l 'version' -d 'Show the version.'
