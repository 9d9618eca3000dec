package dev.keyward.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code keyward script ...}: step programs stored in the vault (automation_scripts). */
@Command(name = "script", description = "Step programs: generate them for review.",
        subcommands = {ScriptGenerateCommand.class})
public final class ScriptCommands {

    @ParentCommand
    KeywardCommand root;
}
