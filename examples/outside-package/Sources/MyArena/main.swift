// `my-arena`: the whole nasarena command line with one more method, `top-mutation`.
import NASArenaCommandLine
import SearchMethods

await NASArena.main(methods: MethodRegistry.builtIn + [MethodEntry(TopMutation.self)])
