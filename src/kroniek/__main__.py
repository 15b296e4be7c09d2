from kroniek.cli.app import main

main()
