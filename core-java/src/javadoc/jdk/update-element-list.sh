#!/usr/bin/env bash
# Rewrites element-list beside this script: the packages of the JDK's java.* modules, as the JDK's
# own API docs list them. The Javadoc build links JDK types through it without the network. Run it
# with the JDK of maven.compiler.release after changing that release.
set -euo pipefail
cd "$(dirname "$0")"
for module in $(java --list-modules | sed 's/@.*//' | grep '^java\.' | sort); do
  echo "module:$module"
  java --describe-module "$module" | awk '$1 == "exports" { print $2 }' | sort
done >element-list
