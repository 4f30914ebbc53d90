; Meja Aduan, the desk: the Windows installer around the PyInstaller folder.
;
; Built by .github/workflows/desk-windows.yml after `pyinstaller packaging\desk.spec`:
;     iscc /DAppVersion=0.1.0 /DFileVersion=0.1.0.0 packaging\desk.iss
; gives dist\MejaAduan-<version>-setup.exe.
;
; - Per machine: installed by an administrator into Program Files, for every account
;   of the PC, with a Start-menu entry for all users and an uninstaller (Settings >
;   Apps, or the Start menu).
; - An upgrade is the next release's installer run over this one (the same AppId):
;   the program folder is replaced whole, so no module of the old release lingers.
; - The desk's data is never the installer's: each Windows account keeps its desk in
;   its own application-data folder (%LOCALAPPDATA%\MejaAduan: the database, the
;   attachments, the settings; its token in the Windows credential store), which
;   this script neither writes nor deletes. An upgrade or an uninstall leaves it as
;   it is; a reinstall finds it again.

#ifndef AppVersion
  #error Pass /DAppVersion=<the release in pyproject.toml>
#endif
#ifndef FileVersion
  #define FileVersion AppVersion
#endif

[Setup]
AppId={{6F1D3C52-8B0E-4C7A-9E55-2D4A7B93C0E1}
AppName=Meja Aduan
AppVersion={#AppVersion}
AppVerName=Meja Aduan {#AppVersion}
AppPublisher=Pemerintah Provinsi DKI Jakarta
VersionInfoVersion={#FileVersion}
VersionInfoProductVersion={#FileVersion}
VersionInfoDescription=Meja Aduan installer
DefaultDirName={autopf}\Meja Aduan
DefaultGroupName=Meja Aduan
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=MejaAduan-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\MejaAduan.exe
UninstallDisplayName=Meja Aduan {#AppVersion}
; a desk left open during an upgrade is asked to close (its unsent items are safe)
CloseApplications=yes
SetupLogging=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; the previous release's program files (never the desk's data: that is elsewhere)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\meja-aduan\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Meja Aduan"; Filename: "{app}\MejaAduan.exe"; Comment: "Meja aduan tatap muka"
Name: "{autodesktop}\Meja Aduan"; Filename: "{app}\MejaAduan.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\MejaAduan.exe"; Description: "{cm:LaunchProgram,Meja Aduan}"; Flags: nowait postinstall skipifsilent runasoriginaluser
