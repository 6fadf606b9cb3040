; curator's Windows installer (NSIS 3, 64-bit).
;   makensis /DVERSION=0.1.0 /DSOURCE=..\..\dist\curator /DOUTFILE=..\..\dist\curator-0.1.0-setup.exe packaging\windows\curator.nsi
; SOURCE is the one-folder build (pyinstaller build.spec): curator.exe, curator-cli.exe, _internal\.
; Per-user install by default (no administrator, no UAC prompt: %LOCALAPPDATA%\Programs\curator);
; "/AllUsers", run as administrator, installs for everyone into Program Files.
; Silent: curator-setup.exe /S [/AllUsers] [/D=C:\path]; uninstall: uninstall.exe /S.

Unicode true
Target amd64-unicode
ManifestDPIAware true
!ifdef COMPRESSOR  ; e.g. /DCOMPRESSOR=zlib in CI: 5x faster to build, a bigger setup
  SetCompressor ${COMPRESSOR}
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef SOURCE
  !define SOURCE "..\..\dist\curator"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\curator-${VERSION}-setup.exe"
!endif
!define APP "curator"
!define PUBLISHER "curator"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define PROGID "curator.Project"
!include MUI2.nsh
!include x64.nsh
!include LogicLib.nsh
!include FileFunc.nsh

; No UAC prompt: the default is a per-user install. "/AllUsers" (from an administrator) installs for everyone.
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
Var AllUsers

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
BrandingText "${APP} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"

!define MUI_ICON "..\..\resources\icons\curator.ico"
!define MUI_UNICON "..\..\resources\icons\curator.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\curator.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "curator needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext current
  StrCpy $AllUsers 0
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/AllUsers" $1
  ${IfNot} ${Errors}
    UserInfo::GetAccountType
    Pop $1
    ${If} $1 != "Admin"
      MessageBox MB_ICONSTOP "/AllUsers needs an administrator; run the installer as administrator." /SD IDOK
      Abort
    ${EndIf}
    StrCpy $AllUsers 1
    SetShellVarContext all
    StrCpy $INSTDIR "$PROGRAMFILES64\${APP}"
  ${EndIf}
  ; an upgrade goes where the previous version is
  ReadRegStr $0 SHCTX "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
  ; installed for everyone if the machine-wide entry names this folder
  SetShellVarContext current
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 == $INSTDIR
    SetShellVarContext all
  ${EndIf}
FunctionEnd

; An older version is removed first (its files only, never the user's projects), so nothing
; stale from it (an old library in _internal) is left next to the new one.
Function RemovePrevious
  ReadRegStr $0 SHCTX "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\uninstall.exe"
    ExecWait '"$0\uninstall.exe" /S _?=$0'
    Delete "$0\uninstall.exe"
    RMDir "$0"
  ${EndIf}
FunctionEnd

Section "curator" SecMain
  SectionIn RO
  Call RemovePrevious
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  File "/oname=curator.ico" "..\..\resources\icons\curator.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\curator.lnk" "$INSTDIR\curator.exe" "" "$INSTDIR\curator.ico"
  CreateShortcut "$DESKTOP\curator.lnk" "$INSTDIR\curator.exe" "" "$INSTDIR\curator.ico"

  ; .curator files open in curator (per user under HKCU, for everyone under HKLM: SHCTX follows the mode)
  WriteRegStr SHCTX "Software\Classes\.curator" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\.curator" "Content Type" "application/x-curator"
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "curator 项目"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\curator.ico,0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\curator.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED

  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "curator"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\curator.ico"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\curator.lnk"
  Delete "$DESKTOP\curator.lnk"
  ; only what the installer put there: the program folder holds no user data
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\curator.exe"
  Delete "$INSTDIR\curator-cli.exe"
  Delete "$INSTDIR\curator.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ReadRegStr $0 SHCTX "Software\Classes\.curator" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey SHCTX "Software\Classes\.curator"
  ${EndIf}
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  DeleteRegKey SHCTX "${UNINST_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
