// The `nasarena` executable: the command line with NASArena's built-in methods.
import NASArenaCommandLine

await NASArena.main()
