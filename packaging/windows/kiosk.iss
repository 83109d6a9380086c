; Inno Setup 6 script for Memorial Kiosk (64-bit Windows 10 and 11).
;
; Not built or tested on this project's own machines (Linux only); the workflow
; .github/workflows/installers.yml builds it on GitHub's Windows runners.
;
; Build from the repository root, after PyInstaller has written dist\kiosk\:
;   iscc /DAppVersion=0.1.0 packaging\windows\kiosk.iss
; Output: dist\installer\MemorialKiosk-<version>-setup.exe
;
; Needs Inno Setup 6.3 or later (for "x64compatible").  The installer makes no
; network connections.
;
; The uninstaller removes only the program folder.  It never deletes the kiosk's
; own data: installed content packs, visit counts, health.json and logs in
; %LOCALAPPDATA%\kiosk of each account that ran it, nor the station
; configuration (station.yaml in the same folder, or wherever KIOSK_CONFIG
; points).  For that reason this script has no [UninstallDelete] section; do not
; add one that reaches outside {app}.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

#define AppName "Memorial Kiosk"
#define AppExeName "kiosk.exe"

[Setup]
; AppId identifies the product across versions: never change it.
AppId={{8725284F-1CD6-4D39-AB3D-DC6356CCECC0}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
; Paths below are relative to the repository root.
SourceDir=..\..
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=dist\installer
OutputBaseFilename=MemorialKiosk-{#AppVersion}-setup
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExeName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
PrivilegesRequired=admin
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's library folder whole, so no file of an older
; version is left beside the new one.  This touches only the program folder.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\kiosk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion
; For the administrator: makes the kiosk the shell of the kiosk account (see README.md).
Source: "packaging\windows\set-kiosk-shell.ps1"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

; No [Run] entry: the kiosk takes the whole screen, so it is not started at the
; end of setup.  No [UninstallDelete] section: see the note at the top.
