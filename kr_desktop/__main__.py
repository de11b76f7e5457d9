from kr_desktop.cli import main

raise SystemExit(main())
